package dev.faultline.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.event.StoredEvent;
import dev.faultline.project.Project;

/**
 * "Copy as Markdown" of an issue and one of its events, for pasting into a ticket or a chat: a heading, the facts as
 * a list, the stack trace in a fenced block and the issue's most common tags.
 */
public final class IssueMarkdown {

    private static final int MAX_TAG_KEYS = 10;
    private static final int MAX_VALUES_PER_TAG = 3;
    /** The characters that mean something in Markdown text, backslash-escaped; CommonMark allows escaping any. */
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|~#&]");
    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    private IssueMarkdown() {
    }

    /**
     * @param projectSlug names the project and gives the short id its prefix ({@code shop} and {@code SHOP-12})
     * @param permalink   the issue's page
     * @param event       the event to show the stack trace of, with its body
     * @param topTags     the issue's tag values, the most seen first; the event's own tags when empty
     */
    public static String of(Issue issue, String projectSlug, String permalink, StoredEvent event,
            List<TagValue> topTags) {
        StringBuilder markdown = new StringBuilder();
        markdown.append("# ").append(text(Project.shortId(projectSlug, issue.shortId()))).append(": ")
                .append(text(issue.title())).append('\n');
        if (issue.culprit() != null && !issue.culprit().isBlank()) {
            markdown.append('\n').append(text(issue.culprit())).append('\n');
        }
        markdown.append('\n');
        fact(markdown, "Project", projectSlug);
        fact(markdown, "Level", issue.level() == null ? null : issue.level().value());
        fact(markdown, "Status", issue.status() + (issue.regressed() ? " (regressed)" : ""));
        fact(markdown, "Events", String.valueOf(issue.timesSeen()));
        fact(markdown, "Users", String.valueOf(issue.usersSeen()));
        fact(markdown, "First seen", date(issue.firstSeen()));
        fact(markdown, "Last seen", date(issue.lastSeen()));
        fact(markdown, "Release", event.release() != null ? event.release() : issue.lastRelease());
        fact(markdown, "Environment", event.environment());
        if (permalink != null) {
            markdown.append("- **Link:** <").append(permalink.replace(">", "%3E").replace(" ", "%20")).append(">\n");
        }
        String trace = event.body() == null ? "" : StackTraceText.of(event.body());
        String message = event.body() == null ? null : EventView.message(event.body());
        if (!trace.isEmpty()) {
            section(markdown, "Stack trace", trace);
        } else if (message != null && !message.isBlank()) {
            section(markdown, "Message", message);
        }
        tags(markdown, topTags.isEmpty() ? eventTags(event) : topTags);
        return markdown.toString();
    }

    /** One line of Markdown text showing exactly these characters. */
    static String text(String value) {
        String line = value == null ? "" : value.replaceAll("\\s*\\R\\s*", " ");
        return SPECIAL.matcher(line).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }

    /** A fenced code block whose fence is longer than any run of backticks inside, so nothing inside can close it. */
    static String fenced(String content) {
        int longest = 0;
        Matcher runs = BACKTICK_RUN.matcher(content);
        while (runs.find()) {
            longest = Math.max(longest, runs.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + content + (content.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static void fact(StringBuilder markdown, String name, String value) {
        if (value != null && !value.isBlank()) {
            markdown.append("- **").append(name).append(":** ").append(text(value)).append('\n');
        }
    }

    private static void section(StringBuilder markdown, String title, String content) {
        markdown.append("\n## ").append(title).append("\n\n").append(fenced(content));
    }

    private static void tags(StringBuilder markdown, List<TagValue> tags) {
        Map<String, List<TagValue>> byKey = new LinkedHashMap<>();
        for (TagValue tag : tags) {
            if (byKey.containsKey(tag.key()) || byKey.size() < MAX_TAG_KEYS) {
                byKey.computeIfAbsent(tag.key(), key -> new ArrayList<>()).add(tag);
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        markdown.append("\n## Tags\n\n");
        byKey.forEach((key, values) -> {
            markdown.append("- **").append(text(key)).append(":** ");
            List<TagValue> shown = values.subList(0, Math.min(MAX_VALUES_PER_TAG, values.size()));
            for (int i = 0; i < shown.size(); i++) {
                TagValue value = shown.get(i);
                markdown.append(i == 0 ? "" : ", ").append(text(value.value()));
                if (value.total() > 0) {
                    markdown.append(" (").append(Math.round(100.0 * value.timesSeen() / value.total())).append("%)");
                }
            }
            markdown.append('\n');
        });
    }

    /** The event's tags as values seen once, which show without a share. */
    private static List<TagValue> eventTags(StoredEvent event) {
        return (event.tags() == null ? List.<String>of() : event.tags()).stream()
                .filter(tag -> tag.indexOf('=') > 0)
                .map(tag -> new TagValue(tag.substring(0, tag.indexOf('=')), tag.substring(tag.indexOf('=') + 1), 1,
                        null, null, 0, 1))
                .toList();
    }

    private static String date(Instant instant) {
        return instant == null ? null : SentryEventJson.date(instant);
    }
}
