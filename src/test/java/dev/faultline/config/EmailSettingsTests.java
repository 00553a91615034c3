package dev.faultline.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSettingsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            smtp://mail.example.com                       | SMTP          | mail.example.com | 25  | -    | -
            smtp://u:p@mail.example.com:2525              | SMTP          | mail.example.com | 2525| u    | p
            smtp+tls://apikey:s%40cret@smtp.example.com   | SMTP_STARTTLS | smtp.example.com | 587 | apikey | s@cret
            smtps://u:p@smtp.example.com                  | SMTP_STARTTLS | smtp.example.com | 587 | u    | p
            smtp+ssl://u:p@smtp.example.com               | SMTP_SSL      | smtp.example.com | 465 | u    | p
            """)
    void readsSmtpUrls(String url, EmailSettings.Transport transport, String host, int port, String user,
            String password) {
        assertThat(EmailSettings.parse(url)).isEqualTo(new EmailSettings(transport, host, port, user, password));
    }

    @ParameterizedTest
    @CsvSource({"consolemail://", "consolemail:"})
    void consoleMailWritesToTheLog(String url) {
        assertThat(EmailSettings.parse(url)).isEqualTo(EmailSettings.CONSOLE);
    }
}
