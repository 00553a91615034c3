package dev.faultline.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.faultline.api.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The body of Sentry's issue update ({@code PUT}): {@code status} with {@code statusDetails} (ignore for
 * {@code ignoreDuration} minutes, until {@code ignoreUntil} or for {@code ignoreCount} more events),
 * {@code assignedTo} ({@code user:<id>}, an id, an email; empty or null to unassign) and {@code merge}. Flags the
 * Sentry UI sends that Faultline does not keep ({@code hasSeen}, {@code isBookmarked} ...) are accepted and ignored.
 *
 * @param assignee what {@code assignedTo} named, when {@code assign}; null to unassign
 */
record IssueUpdate(String status, Instant ignoreUntil, Long ignoreCount, boolean assign, String assignee,
        boolean merge) {

    private static final Set<String> IGNORED_FLAGS = Set.of("hasSeen", "isBookmarked", "isSubscribed", "isPublic",
            "substatus", "inbox", "discard");
    private static final Set<String> FIELDS = Set.of("status", "statusDetails", "assignedTo", "merge",
            "ignoreDuration", "ignoreCount", "ignoreUntil");

    static IssueUpdate parse(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("The body must be a JSON object such as {\"status\": \"resolved\"}");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field) && !IGNORED_FLAGS.contains(field)) {
                throw Problem.badRequest(field, "Unknown field '" + field + "': use status, statusDetails, "
                        + "assignedTo or merge");
            }
        }
        String status = status(body.get("status"));
        JsonNode details = body.has("statusDetails") ? body.get("statusDetails") : body;
        Instant ignoreUntil = null;
        Long ignoreCount = null;
        if (Issue.IGNORED.equals(status)) {
            Long minutes = positive(details, "ignoreDuration");
            ignoreUntil = minutes != null ? now.plus(Duration.ofMinutes(minutes)) : until(details.get("ignoreUntil"));
            ignoreCount = positive(details, "ignoreCount");
        }
        boolean assign = body.has("assignedTo");
        String assignee = assign ? assignee(body.get("assignedTo")) : null;
        boolean merge = flag(body.get("merge"));
        if (merge && (status != null || assign)) {
            throw Problem.badRequest("merge", "Merge issues on their own, not with other changes");
        }
        return new IssueUpdate(status, ignoreUntil, ignoreCount, assign, assignee, merge);
    }

    boolean changesAnything() {
        return status != null || assign || merge;
    }

    private static String status(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (node.asString()) {
            case "resolved", "resolvedInNextRelease", "resolvedInRelease", "resolvedInCommit" -> Issue.RESOLVED;
            case "unresolved" -> Issue.UNRESOLVED;
            case "ignored", "muted", "archived" -> Issue.IGNORED;
            default -> throw Problem.badRequest("status", "Unknown status '" + node.asString()
                    + "': use resolved, unresolved or ignored");
        };
    }

    private static Long positive(JsonNode details, String field) {
        JsonNode node = details == null ? null : details.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong() || node.asLong() < 1 || (node.isString() && !node.asString().matches("\\d+"))) {
            throw Problem.badRequest(field, field + " must be a whole number of at least 1");
        }
        return node.asLong();
    }

    private static Instant until(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return TimeRange.instant("ignoreUntil", node.asString());
    }

    private static String assignee(JsonNode node) {
        if (node == null || node.isNull() || node.asString().isBlank()) {
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            throw Problem.badRequest("assignedTo", "assignedTo must be user:<id>, a user id or an email");
        }
        return node.asString().strip();
    }

    private static boolean flag(JsonNode node) {
        return node != null && (node.asBoolean(false) || node.asInt(0) == 1 || "1".equals(node.asString()));
    }
}
