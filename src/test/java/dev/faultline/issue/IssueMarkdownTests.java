package dev.faultline.issue;

import java.time.Instant;
import java.util.List;

import dev.faultline.event.Level;
import dev.faultline.event.StoredEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class IssueMarkdownTests {

    private static final String LINK = "https://faultline.example/acme/issues/42";

    @Test
    void writesTheIssueWithTheJavaStackTraceInAFence() {
        StoredEvent event = FixtureEvents.stored(FixtureEvents.body(FixtureEvents.JAVA));
        List<TagValue> tags = List.of(tag("os", "Debian", 30, 40), tag("os", "Alpine", 10, 40),
                tag("server_name", "web-1", 40, 40));

        String markdown = IssueMarkdown.of(issue("IllegalStateException: boom 42", "SendAll in main"), "shop", LINK,
                event, tags);

        assertThat(markdown).isEqualTo("""
                # SHOP-12: IllegalStateException: boom 42

                SendAll in main

                - **Project:** shop
                - **Level:** error
                - **Status:** unresolved (regressed)
                - **Events:** 40
                - **Users:** 3
                - **First seen:** 2026-11-20T08:00:00Z
                - **Last seen:** 2026-11-22T02:03:35.611Z
                - **Release:** myapp@1.0.0
                - **Environment:** test
                - **Link:** <https://faultline.example/acme/issues/42>

                ## Stack trace

                ```
                java.lang.IllegalStateException: boom 42
                \tat SendAll.main(SendAll.java:13)
                ```

                ## Tags

                - **os:** Debian (75%), Alpine (25%)
                - **server\\_name:** web-1 (100%)
                """);
    }

    @Test
    void fencesSourceWithBackticksSoTheBlockStaysWhole() {
        ObjectNode payload = FixtureEvents.payload(FixtureEvents.PYTHON);
        ObjectNode frame = (ObjectNode) payload.get("exception").get("values").get(0).get("stacktrace").get("frames")
                .get(0);
        frame.put("context_line", "    doc = \"```python\\n1 / 0\\n```\"");
        StoredEvent event = FixtureEvents.stored(FixtureEvents.normalize(payload));

        String markdown = IssueMarkdown.of(issue("ZeroDivisionError: division by zero", "py_send in <module>"),
                "scripts", LINK, event, List.of());

        assertThat(markdown).contains("""
                ## Stack trace

                ````
                Traceback (most recent call last):
                  File "/app/py_send.py", line 5, in <module>
                    doc = "```python\\n1 / 0\\n```"
                ZeroDivisionError: division by zero
                ````
                """);
        assertThat(markdown).contains("\npy\\_send in \\<module\\>\n");
        assertThat(markdown).contains("- **server\\_name:** vm\n");
    }

    @Test
    void escapesMarkdownInTheTitle() {
        StoredEvent event = FixtureEvents.stored(FixtureEvents.body(FixtureEvents.NODE));

        String markdown = IssueMarkdown.of(issue("Error: *bold* [x](y) `code` <b>\nsecond line", ""), "web", LINK,
                event, List.of());

        assertThat(markdown.lines().findFirst().orElseThrow())
                .isEqualTo("# WEB-12: Error: \\*bold\\* \\[x\\](y) \\`code\\` \\<b\\> second line");
    }

    @Test
    void showsTheMessageOfAnEventWithoutStackTrace() {
        ObjectNode body = FixtureEvents.normalize((ObjectNode) FixtureEvents.read(
                "glitchtip/incoming_events/django_message_params.json"));

        String markdown = IssueMarkdown.of(issue("Here is a new error", ""), "django", LINK,
                FixtureEvents.stored(body), List.of());

        assertThat(markdown).contains("## Message\n\n```\nHere is a new error\n```\n");
        assertThat(markdown).doesNotContain("## Stack trace");
    }

    private static Issue issue(String title, String culprit) {
        return new Issue(FixtureEvents.ISSUE_ID, FixtureEvents.PROJECT_ID, 12, "error", title, culprit, "{}",
                Level.ERROR, "java", Issue.UNRESOLVED, true, 40, 3, Instant.parse("2026-11-20T08:00:00Z"),
                Instant.parse("2026-11-22T02:03:35.611Z"), "myapp@0.9.0", "myapp@1.0.0", null, null, null, null);
    }

    private static TagValue tag(String key, String value, long seen, long total) {
        return new TagValue(key, value, seen, null, null, total, 2);
    }
}
