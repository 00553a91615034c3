package dev.faultline.issue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import dev.faultline.account.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An issue's history in words: "Ada resolved this", "Faultline marked it regressed". */
final class ActivityLines {

    /** @param who the user's name, or Faultline for what it did itself */
    record Line(String kind, String who, String text, Instant at) {
    }

    private ActivityLines() {
    }

    /** @param users the users the activity names, by id */
    static List<Line> of(List<Activity> activity, Map<Long, User> users) {
        return activity.stream().map(item -> new Line(item.kind(), name(users, item.userId()),
                text(item, users), item.createdAt())).toList();
    }

    private static String text(Activity item, Map<Long, User> users) {
        JsonNode data = data(item.data());
        return switch (item.kind()) {
            case "created" -> data.has("unmergedFrom") ? "split this issue off issue " + data.path("unmergedFrom")
                    : "first saw this issue";
            case "regressed" -> "marked this regressed: it happened again after being resolved";
            case "resolved" -> "resolved this";
            case "unresolved" -> "unresolved this";
            case "ignored" -> data.has("until") ? "ignored this until " + data.path("until").asString()
                    : data.has("count") ? "ignored this until " + data.path("count").asLong() + " more events"
                    : "ignored this";
            case "assigned" -> "assigned this to " + name(users, data.path("assignee").asLong());
            case "unassigned" -> "unassigned this";
            case "commented" -> "commented";
            case "merged" -> "merged " + data.path("issues").asLong() + " other issues into this one";
            case "unmerged" -> "unmerged fingerprints into issue " + data.path("issue");
            default -> item.kind();
        };
    }

    private static String name(Map<Long, User> users, Long userId) {
        if (userId == null) {
            return "Faultline";
        }
        User user = users.get(userId);
        return user == null ? "A former member" : user.displayName();
    }

    private static JsonNode data(String json) {
        try {
            return json == null ? JsonMapper.shared().createObjectNode() : JsonMapper.shared().readTree(json);
        } catch (RuntimeException e) {
            return JsonMapper.shared().createObjectNode();
        }
    }

    /** The users an issue's activity and comments name, for one lookup. */
    static List<Long> userIds(List<Activity> activity, List<Comment> comments) {
        return Stream.concat(
                activity.stream().flatMap(item -> Stream.of(item.userId(),
                        "assigned".equals(item.kind()) ? data(item.data()).path("assignee").asLong() : null)),
                comments.stream().map(Comment::userId)).filter(Objects::nonNull).distinct().toList();
    }
}
