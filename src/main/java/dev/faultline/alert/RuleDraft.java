package dev.faultline.alert;

import java.util.List;

import dev.faultline.api.Problem;
import dev.faultline.event.Level;

/** A rule as a caller asks for it, checked on creation: every field well-formed before anything is saved. */
record RuleDraft(String name, Trigger trigger, Integer quantity, Integer timespanMinutes, Level minLevel,
        String environment, int cooldownMinutes, List<RecipientDraft> recipients) {

    static final int DEFAULT_COOLDOWN_MINUTES = 60;
    private static final int MAX_MINUTES = 7 * 24 * 60;

    /** A recipient as asked for; a webhook without a secret gets a new one. */
    record RecipientDraft(RecipientKind kind, String url, String secret) {
    }

    RuleDraft {
        name = name == null ? "" : name.strip();
        if (name.length() > 200) {
            throw Problem.badRequest("name", "name must be at most 200 characters");
        }
        positive("quantity", quantity, Integer.MAX_VALUE);
        positive("timespanMinutes", timespanMinutes, MAX_MINUTES);
        positive("cooldownMinutes", cooldownMinutes, MAX_MINUTES);
        if (trigger == Trigger.FREQUENCY && quantity == null) {
            throw Problem.badRequest("quantity", "quantity (N events) is required for a frequency rule");
        }
        if (trigger == Trigger.FREQUENCY && timespanMinutes == null) {
            throw Problem.badRequest("timespanMinutes", "timespanMinutes (in M minutes) is required for a frequency rule");
        }
        environment = environment == null || environment.isBlank() ? null : environment.strip();
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        if (recipients.size() > 50) {
            throw Problem.badRequest("alertRecipients", "a rule has at most 50 recipients");
        }
    }

    private static void positive(String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw Problem.badRequest(field, field + " must be a whole number from 1 to " + max);
        }
    }
}
