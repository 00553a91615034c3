package dev.faultline.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import dev.faultline.config.EmailSettings;
import dev.faultline.config.Settings;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends email as {@code EMAIL_URL} says: through SMTP, or written to the log with {@code consolemail://}. Each
 * message has an HTML and a text part, rendered from {@code templates/mail/<name>.html} and {@code <name>.txt}.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /**
     * A message to render: {@code template} names the pair of templates, {@code model} fills them, {@code headers}
     * are added as they are (such as {@code List-Id}).
     */
    public record Email(String to, String subject, String template, Map<String, Object> model,
            Map<String, String> headers) {

        public Email(String to, String subject, String template, Map<String, Object> model) {
            this(to, subject, template, model, Map.of());
        }
    }

    private final ITemplateEngine templates;
    private final Settings settings;
    private final JavaMailSenderImpl sender;

    Mailer(ITemplateEngine templates, Settings settings) {
        this.templates = templates;
        this.settings = settings;
        this.sender = settings.email().transport() == EmailSettings.Transport.CONSOLE ? null : smtp(settings.email());
    }

    /** Sends now; a refused or unreachable server is a {@link MailException} for the caller to report. */
    public void send(Email email) {
        var context = new Context();
        context.setVariables(email.model());
        context.setVariable("baseUrl", settings.baseUrl().toString());
        String html = templates.process("mail/" + email.template(), context);
        String text = templates.process("mail/" + email.template() + ".txt", context);
        if (sender == null) {
            log.info("Email (consolemail) to {} from {}: {}\n{}", email.to(), settings.defaultFromEmail(),
                    email.subject(), text);
            return;
        }
        var message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.defaultFromEmail());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(text, html);
            message.setHeader("Auto-Submitted", "auto-generated");
            for (var header : email.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
        }
        catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }

    private static JavaMailSenderImpl smtp(EmailSettings email) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(email.host());
        sender.setPort(email.port());
        sender.setUsername(email.user());
        sender.setPassword(email.password());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(email.user() != null));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        switch (email.transport()) {
            case SMTP_STARTTLS -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            case SMTP_SSL -> properties.put("mail.smtp.ssl.enable", "true");
            default -> {
            }
        }
        return sender;
    }
}
