package dev.faultline.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTests {

    private static Settings parse(String... namesAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Settings.parse(env::get);
    }

    @Test
    void defaultsNeedNoVariables() {
        Settings settings = parse();

        assertThat(settings.port()).isEqualTo(8000);
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8000"));
        assertThat(settings.database()).isEqualTo(new DatabaseTarget.Embedded(Path.of("data").toAbsolutePath()));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.secretKey()).isEmpty();
        assertThat(settings.databasePoolMaxSize()).isEqualTo(10);
        assertThat(settings.email()).isEqualTo(EmailSettings.CONSOLE);
        assertThat(settings.userRegistration()).isTrue();
        assertThat(settings.organizationCreation()).isFalse();
        assertThat(settings.maxEventLifeDays()).isEqualTo(90);
        assertThat(settings.logFormat()).isEqualTo(Settings.LogFormat.TEXT);
    }

    @Test
    void baseUrlDefaultsToTheConfiguredPort() {
        assertThat(parse("PORT", "9000").baseUrl()).isEqualTo(URI.create("http://localhost:9000"));
    }

    @Test
    void baseUrlComesFromGlitchtipDomainOrItsAliasWithoutTrailingSlash() {
        assertThat(parse("GLITCHTIP_DOMAIN", "https://errors.example.com/").baseUrl())
                .isEqualTo(URI.create("https://errors.example.com"));
        assertThat(parse("GLITCHTIP_URL", "https://alias.example.com").baseUrl())
                .isEqualTo(URI.create("https://alias.example.com"));
        assertThat(parse("GLITCHTIP_DOMAIN", "https://a.example.com", "GLITCHTIP_URL", "https://b.example.com").baseUrl())
                .isEqualTo(URI.create("https://a.example.com"));
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(parse("PORT", "  ", "DATABASE_URL", "").port()).isEqualTo(8000);
        assertThat(parse("DATABASE_URL", "").embeddedDatabase()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PORT                          | abc          | PORT: 'abc' is not a whole number from 0 to 65535
            PORT                          | 70000        | PORT: '70000' is not a whole number from 0 to 65535
            GLITCHTIP_DOMAIN              | not a url    | GLITCHTIP_DOMAIN: 'not a url' is not a URL
            GLITCHTIP_DOMAIN              | ftp://x.org  | GLITCHTIP_DOMAIN: 'ftp://x.org' must start with http:// or https://
            DATABASE_POOL_MAX_SIZE        | 0            | DATABASE_POOL_MAX_SIZE: '0' is not a whole number from 1 to 1000
            ENABLE_USER_REGISTRATION      | maybe        | ENABLE_USER_REGISTRATION: 'maybe' is not true or false
            ENABLE_ORGANIZATION_CREATION  | 2            | ENABLE_ORGANIZATION_CREATION: '2' is not true or false
            GLITCHTIP_MAX_EVENT_LIFE_DAYS | -1           | GLITCHTIP_MAX_EVENT_LIFE_DAYS: '-1' is not a whole number
            FAULTLINE_LOG_FORMAT          | xml          | FAULTLINE_LOG_FORMAT: 'xml' is not text or json
            EMAIL_URL                     | pop3://x.org | EMAIL_URL: 'pop3' is not one of smtp, smtp+tls, smtp+ssl, consolemail
            DATABASE_PORT                 | x            | DATABASE_PORT: 'x' is not a whole number from 1 to 65535
            """)
    void malformedValuesAreReportedWithTheirVariable(String variable, String value, String message) {
        String[] env = variable.equals("DATABASE_PORT")
                ? new String[] {"DATABASE_HOST", "db", "SECRET_KEY", "k", variable, value}
                : new String[] {variable, value};

        assertThatThrownBy(() -> parse(env))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo(variable))
                .hasMessageStartingWith(message);
    }

    @Test
    void flagsAcceptTheUsualSpellings() {
        assertThat(parse("ENABLE_USER_REGISTRATION", "False").userRegistration()).isFalse();
        assertThat(parse("ENABLE_USER_REGISTRATION", "0").userRegistration()).isFalse();
        assertThat(parse("ENABLE_ORGANIZATION_CREATION", "yes").organizationCreation()).isTrue();
        assertThat(parse("ENABLE_ORGANIZATION_CREATION", "TRUE").organizationCreation()).isTrue();
    }

    @Test
    void anExternalDatabaseNeedsASecretKey() {
        assertThatThrownBy(() -> parse("DATABASE_URL", "postgres://u:p@db/faultline"))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("SECRET_KEY"))
                .hasMessageContaining("required when DATABASE_URL is set");
        assertThatThrownBy(() -> parse("DATABASE_HOST", "db"))
                .hasMessageStartingWith("SECRET_KEY: required when DATABASE_HOST is set");
    }

    @Test
    void databaseHostAndFriendsMakeAnExternalTarget() {
        Settings settings = parse("DATABASE_HOST", "db.internal", "DATABASE_PORT", "6432", "DATABASE_NAME", "errors",
                "DATABASE_USER", "ft", "DATABASE_PASSWORD", "pw", "SECRET_KEY", "k");

        assertThat(settings.database()).isEqualTo(
                new DatabaseTarget.External("jdbc:postgresql://db.internal:6432/errors", "ft", "pw", "DATABASE_HOST"));
    }

    @Test
    void dataDirectoryIsResolvedToAnAbsolutePath() {
        assertThat(parse("FAULTLINE_DATA_DIR", "relative/dir").dataDirectory())
                .isEqualTo(Path.of("relative/dir").toAbsolutePath());
    }

    @Test
    void jsonLogFormatIsCaseInsensitive() {
        assertThat(parse("FAULTLINE_LOG_FORMAT", "JSON").logFormat()).isEqualTo(Settings.LogFormat.JSON);
    }

    @Test
    void toStringNeverShowsSecrets() {
        Settings settings = parse("DATABASE_URL", "postgres://user:hunter2@db/x", "SECRET_KEY", "s3cr3t-value",
                "EMAIL_URL", "smtp://mailer:mailpass@smtp.example.com");

        assertThat(settings.toString()).doesNotContain("hunter2", "s3cr3t-value", "mailpass");
    }
}
