package dev.faultline.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.faultline.config.Settings;
import dev.faultline.mail.Mailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends a notification as an email with an HTML and a text part, a {@code List-Id} per project (so mail clients
 * can filter it) and {@code Auto-Submitted}. One person gets at most {@code faultline.alerts.emails-per-hour} alert
 * emails an hour; beyond that they are logged as throttled and not sent.
 */
@Component
class EmailSender {

    private static final Duration THROTTLE_WINDOW = Duration.ofHours(1);

    private final Mailer mailer;
    private final DeliveryQueue queue;
    private final String host;
    private final int emailsPerHour;

    EmailSender(Mailer mailer, DeliveryQueue queue, Settings settings,
            @Value("${faultline.alerts.emails-per-hour:30}") int emailsPerHour) {
        this.mailer = mailer;
        this.queue = queue;
        this.host = settings.baseUrl().getHost();
        this.emailsPerHour = emailsPerHour;
    }

    SendResult send(DeliveryQueue.Job job, Notification notification) {
        if (!notification.test() && queue.emailsSentSince(job.email(), Instant.now().minus(THROTTLE_WINDOW))
                >= emailsPerHour) {
            return SendResult.throttled("throttled: " + job.email() + " had " + emailsPerHour
                    + " alert emails in the last hour");
        }
        String listId = "Faultline alerts for " + notification.organizationSlug() + "/" + notification.projectSlug()
                + " <" + notification.projectSlug() + "." + notification.organizationSlug() + ".alerts." + host + ">";
        try {
            mailer.send(new Mailer.Email(job.email(), "[" + notification.projectName() + "] " + notification.headline(),
                    "alert", model(notification), Map.of("List-Id", listId,
                    "X-Auto-Response-Suppress", "All")));
            return SendResult.sent(null);
        }
        catch (MailException e) {
            Throwable cause = e.getMostSpecificCause();
            return SendResult.failed(null, "SMTP: " + (cause.getMessage() == null ? cause.toString()
                    : cause.getMessage().strip()));
        }
    }

    private static Map<String, Object> model(Notification n) {
        var model = new java.util.LinkedHashMap<String, Object>();
        model.put("headline", n.headline());
        model.put("test", n.test());
        model.put("shortId", n.shortId());
        model.put("title", n.title());
        model.put("culprit", n.culprit());
        model.put("project", n.organizationName() + " / " + n.projectName());
        model.put("environment", n.environment() == null ? "none" : n.environment());
        model.put("release", n.release() == null ? "none" : n.release());
        model.put("level", n.level());
        model.put("eventCount", n.eventCount());
        model.put("rule", n.ruleName());
        model.put("link", n.url());
        return model;
    }
}
