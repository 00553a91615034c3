package dev.faultline.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.config.Settings;
import dev.faultline.organization.Membership;
import dev.faultline.project.Project;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "send test notification" button: an example issue sent to one recipient through the same queue, retries and
 * log as real notifications; to an email recipient, it goes to everyone who would get the real ones.
 */
@Service
class TestNotifications {

    private final AlertRules rules;
    private final AlertAudience audience;
    private final DeliveryQueue queue;
    private final AlertWorkers workers;
    private final JsonMapper json;
    private final String baseUrl;

    TestNotifications(AlertRules rules, AlertAudience audience, DeliveryQueue queue, AlertWorkers workers,
            JsonMapper json, Settings settings) {
        this.rules = rules;
        this.audience = audience;
        this.queue = queue;
        this.workers = workers;
        this.json = json;
        this.baseUrl = settings.baseUrl().toString();
    }

    /** Queues the test; returns how many messages (one per address for email). */
    @Transactional
    int send(Membership membership, Project project, long ruleId, long recipientId) {
        membership.require(Scope.PROJECT_WRITE);
        AlertRule rule = rules.find(membership, project, ruleId);
        Recipient recipient = rules.recipient(membership, project, ruleId, recipientId);
        String org = membership.organization().slug();
        Instant now = Instant.now();
        String message = json.writeValueAsString(new Notification("test", rule.id(), rule.title(), 0,
                project.shortId(0), "This is a test notification from Faultline",
                "faultline.alerts in test", "error", "production", "example@1.0.0", 1, now, now,
                baseUrl + "/" + org + "/issues?project=" + project.id(), project.slug(), project.name(), org,
                membership.organization().name()));
        List<String> emails = recipient.kind() == RecipientKind.EMAIL ? audience.emails(project.id())
                : Collections.singletonList(null);
        if (emails.isEmpty()) {
            throw Problem.badRequest("recipient", "Nobody would get this project's alert emails: attach a team "
                    + "with members to the project, and check that they have not turned project alerts off");
        }
        int queued = queue.enqueue(emails.stream().map(email -> new DeliveryQueue.NewDelivery(recipient.id(), email,
                message)).toList());
        workers.sendAfterCommit();
        return queued;
    }
}
