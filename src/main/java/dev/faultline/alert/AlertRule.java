package dev.faultline.alert;

import java.time.Instant;
import java.util.List;

import dev.faultline.event.Level;

/**
 * A project's rule: when to notify, for which events ({@code minLevel} and {@code environment}, null for any), how
 * long to wait before notifying about the same issue again, and whom.
 */
record AlertRule(long id, long projectId, String name, Trigger trigger, Integer quantity, Integer timespanMinutes,
        Level minLevel, String environment, int cooldownMinutes, Instant createdAt, List<Recipient> recipients) {

    /** What the rule says, in words, for lists and messages. */
    public String describe() {
        return switch (trigger) {
            case NEW_ISSUE -> "a new issue appears";
            case REGRESSION -> "a resolved issue regresses";
            case FREQUENCY -> "an issue gets " + quantity + (quantity == 1 ? " event" : " events") + " in "
                    + timespanMinutes + (timespanMinutes == 1 ? " minute" : " minutes");
        };
    }

    public String title() {
        return name.isBlank() ? "When " + describe() : name;
    }
}
