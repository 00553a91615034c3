package dev.faultline.alert;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.organization.Membership;
import dev.faultline.project.Project;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's alert rules and their recipients: reading needs project:read, changing needs project:write, as in
 * GlitchTip. Webhook URLs are checked before anything is saved.
 */
@Service
class AlertRules {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_RULES = 100;

    private final AlertRuleRepository rules;
    private final WebhookTargets targets;

    AlertRules(AlertRuleRepository rules, WebhookTargets targets) {
        this.rules = rules;
        this.targets = targets;
    }

    List<AlertRule> list(Membership membership, Project project) {
        membership.require(Scope.PROJECT_READ);
        return rules.list(owned(membership, project).id());
    }

    AlertRule find(Membership membership, Project project, long id) {
        membership.require(Scope.PROJECT_READ);
        return rules.find(owned(membership, project).id(), id).orElseThrow(Problem::notFound);
    }

    @Transactional
    AlertRule create(Membership membership, Project project, RuleDraft draft) {
        membership.require(Scope.PROJECT_WRITE);
        List<RuleDraft.RecipientDraft> recipients = checked(draft.recipients());
        if (rules.list(owned(membership, project).id()).size() >= MAX_RULES) {
            throw Problem.badRequest("A project has at most " + MAX_RULES + " alert rules");
        }
        long id = rules.insert(project.id(), draft);
        recipients.forEach(recipient -> insert(id, recipient));
        return rules.find(project.id(), id).orElseThrow();
    }

    /**
     * Replaces the rule's settings and recipients. A recipient asked for again (same type and URL) is kept with its
     * secret and delivery log; the others are removed.
     */
    @Transactional
    AlertRule update(Membership membership, Project project, long id, RuleDraft draft) {
        AlertRule rule = find(membership.require(Scope.PROJECT_WRITE), project, id);
        List<RuleDraft.RecipientDraft> wanted = new ArrayList<>(checked(draft.recipients()));
        rules.update(project.id(), id, draft);
        for (Recipient existing : rule.recipients()) {
            boolean kept = wanted.removeIf(recipient -> recipient.kind() == existing.kind()
                    && Objects.equals(recipient.url(), existing.url())
                    && (recipient.secret() == null || recipient.secret().equals(existing.secret())));
            if (!kept) {
                rules.deleteRecipient(id, existing.id());
            }
        }
        wanted.forEach(recipient -> insert(id, recipient));
        return rules.find(project.id(), id).orElseThrow();
    }

    /** Changes the rule's settings and leaves its recipients as they are. */
    @Transactional
    AlertRule updateSettings(Membership membership, Project project, long id, RuleDraft draft) {
        find(membership.require(Scope.PROJECT_WRITE), project, id);
        rules.update(project.id(), id, draft);
        return rules.find(project.id(), id).orElseThrow();
    }

    @Transactional
    void delete(Membership membership, Project project, long id) {
        find(membership.require(Scope.PROJECT_WRITE), project, id);
        rules.delete(project.id(), id);
    }

    @Transactional
    Recipient addRecipient(Membership membership, Project project, long ruleId, RuleDraft.RecipientDraft draft) {
        AlertRule rule = find(membership.require(Scope.PROJECT_WRITE), project, ruleId);
        if (rule.recipients().size() >= 50) {
            throw Problem.badRequest("alertRecipients", "a rule has at most 50 recipients");
        }
        long id = insert(ruleId, checked(List.of(draft)).getFirst());
        return rules.find(project.id(), ruleId).orElseThrow().recipients().stream()
                .filter(recipient -> recipient.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    void removeRecipient(Membership membership, Project project, long ruleId, long recipientId) {
        recipient(membership.require(Scope.PROJECT_WRITE), project, ruleId, recipientId);
        rules.deleteRecipient(ruleId, recipientId);
    }

    Recipient recipient(Membership membership, Project project, long ruleId, long recipientId) {
        return find(membership, project, ruleId).recipients().stream()
                .filter(recipient -> recipient.id() == recipientId).findFirst().orElseThrow(Problem::notFound);
    }

    private long insert(long ruleId, RuleDraft.RecipientDraft recipient) {
        String secret = recipient.kind() != RecipientKind.WEBHOOK ? null
                : recipient.secret() != null ? recipient.secret() : newSecret();
        return rules.insertRecipient(ruleId, recipient.kind(), recipient.url(), secret);
    }

    /** The recipients with their URLs checked and normalized; email takes no URL. */
    private List<RuleDraft.RecipientDraft> checked(List<RuleDraft.RecipientDraft> recipients) {
        List<RuleDraft.RecipientDraft> checked = new ArrayList<>();
        for (RuleDraft.RecipientDraft recipient : recipients) {
            if (!recipient.kind().webhook()) {
                if (checked.stream().noneMatch(other -> other.kind() == RecipientKind.EMAIL)) {
                    checked.add(new RuleDraft.RecipientDraft(RecipientKind.EMAIL, null, null));
                }
                continue;
            }
            if (recipient.secret() != null && (recipient.secret().length() < 16 || recipient.secret().length() > 200)) {
                throw Problem.badRequest("secret", "secret must be 16 to 200 characters");
            }
            String url = targets.checkForSaving(recipient.url()).toString();
            checked.add(new RuleDraft.RecipientDraft(recipient.kind(), url, recipient.secret()));
        }
        return checked;
    }

    private static Project owned(Membership membership, Project project) {
        if (project.organizationId() != membership.organizationId()) {
            throw Problem.notFound();
        }
        return project;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
