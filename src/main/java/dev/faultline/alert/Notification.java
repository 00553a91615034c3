package dev.faultline.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one notification says, fixed when the rule fires and stored with its deliveries, so that every retry sends
 * the same. {@code kind} is {@code created}, {@code regressed}, {@code frequency} or {@code test}.
 */
record Notification(String kind, long ruleId, String ruleName, long issueId, String shortId,
        String title, String culprit, String level, String environment, String release, long eventCount,
        Instant firstSeen, Instant lastSeen, String url, String projectSlug, String projectName,
        String organizationSlug, String organizationName) {

    /** A short line for subjects and chat messages: what happened, where. */
    String headline() {
        String what = switch (kind) {
            case "created" -> "New issue";
            case "regressed" -> "Regression";
            case "test" -> "Test notification";
            default -> "Issue alert";
        };
        return what + " in " + projectName + ": " + shortId + " " + title;
    }

    /** The facts every message lists, by label, in order. */
    Map<String, String> facts() {
        var facts = new LinkedHashMap<String, String>();
        facts.put("Project", organizationName + " / " + projectName);
        facts.put("Environment", environment == null ? "none" : environment);
        facts.put("Release", release == null ? "none" : release);
        facts.put("Level", level);
        facts.put("Events", String.valueOf(eventCount));
        return facts;
    }

    /** Color by level, as chat attachments and embeds show it. */
    int color() {
        return switch (level) {
            case "fatal" -> 0x8b0000;
            case "error" -> 0xe03e2f;
            case "warning" -> 0xf2b611;
            case "info" -> 0x2788ce;
            default -> 0x8c8c8c;
        };
    }

    boolean test() {
        return kind.equals("test");
    }
}
