package dev.faultline.alert;

import java.time.Instant;

/**
 * What one notification says, fixed when the rule fires and stored with its deliveries, so that every retry sends
 * the same. {@code kind} is {@code created}, {@code regressed}, {@code frequency} or {@code test}.
 */
record Notification(String kind, long ruleId, String ruleName, String reason, long issueId, String shortId,
        String title, String culprit, String level, String environment, String release, long eventCount,
        Instant firstSeen, Instant lastSeen, String url, String projectSlug, String projectName,
        String organizationSlug, String organizationName) {

    /** A short line for subjects and chat messages: what happened, where. */
    String headline() {
        String what = switch (kind) {
            case "created" -> "New issue";
            case "regressed" -> "Regression";
            case "test" -> "Test notification";
            default -> "Spike";
        };
        return what + " in " + projectName + ": " + shortId + " " + title;
    }

    boolean test() {
        return kind.equals("test");
    }
}
