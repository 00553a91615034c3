package dev.faultline.issue;

import java.util.List;

import dev.faultline.event.StoredEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class SentryEventJsonTests {

    private static final List<String> FRAME_FIELDS = List.of("filename", "absPath", "module", "function", "lineNo",
            "colNo", "context");

    @Test
    void describesTheJavaEventWithItsIdsReleaseAndException() {
        StoredEvent event = FixtureEvents.stored(FixtureEvents.body(FixtureEvents.JAVA));

        ObjectNode json = SentryEventJson.of(event, 99);

        assertThat(json.get("id").asString()).isEqualTo("1273149971ca48c482536affaeb8b907");
        assertThat(json.get("eventID").asString()).isEqualTo("1273149971ca48c482536affaeb8b907");
        assertThat(json.get("groupID").asString()).isEqualTo("99");
        assertThat(json.get("projectID").asString()).isEqualTo("7");
        assertThat(json.get("dateCreated").asString()).isEqualTo("2026-11-22T02:03:35.611Z");
        assertThat(json.get("dateReceived").asString()).isEqualTo("2026-11-22T02:03:40Z");
        assertThat(json.get("title").asString()).isEqualTo("IllegalStateException: boom 42");
        assertThat(json.get("type").asString()).isEqualTo("error");
        assertThat(json.get("platform").asString()).isEqualTo("java");
        assertThat(json.get("message").asString()).isEmpty();
        assertThat(json.get("release").get("version").asString()).isEqualTo("myapp@1.0.0");
        assertThat(json.get("release").get("shortVersion").asString()).isEqualTo("1.0.0");
        assertThat(json.get("environment").asString()).isEqualTo("test");
        assertThat(json.get("fingerprints")).singleElement().extracting(JsonNode::asString).isEqualTo(event.hash());
        assertThat(json.get("packages").get("sentry").asString()).isEqualTo("8.62.0");
        assertThat(json.get("sdk").get("name").asString()).isEqualTo("sentry.java");
        assertThat(json.get("crashFile").isNull()).isTrue();
        assertThat(json.get("tags").valueStream().map(tag -> tag.get("key").asString())).contains("level", "release");

        JsonNode exception = entry(json, "exception").get("values").get(0);
        assertThat(exception.get("type").asString()).isEqualTo("IllegalStateException");
        assertThat(exception.get("module").asString()).isEqualTo("java.lang");
        assertThat(exception.get("mechanism").get("type").asString()).isEqualTo("chained");
        JsonNode frame = exception.get("stacktrace").get("frames").get(0);
        assertThat(frame.get("filename").asString()).isEqualTo("SendAll.java");
        assertThat(frame.get("function").asString()).isEqualTo("main");
        assertThat(frame.get("lineNo").asInt()).isEqualTo(13);
        assertThat(frame.get("inApp").asBoolean()).isFalse();
    }

    /** Open-source Sentry's event API for the same Django payload is the reference. */
    @Test
    void givesFramesAndRequestAsOpenSourceSentryDid() {
        JsonNode sentry = FixtureEvents.read("glitchtip/oss_sentry_events/python_zero_division.json");

        ObjectNode json = SentryEventJson.of(FixtureEvents.stored(FixtureEvents.body(FixtureEvents.DJANGO)), 1);

        assertThat(json.get("entries").valueStream().map(entry -> entry.get("type").asString()))
                .containsExactly("exception", "request");
        JsonNode frames = entry(json, "exception").get("values").get(0).get("stacktrace").get("frames");
        JsonNode sentryFrames = entry(sentry, "exception").get("values").get(0).get("stacktrace").get("frames");
        assertThat(frames).hasSize(6);
        for (int i = 0; i < frames.size(); i++) {
            for (String field : FRAME_FIELDS) {
                assertThat(frames.get(i).get(field)).as("frame %d %s", i, field)
                        .isEqualTo(sentryFrames.get(i).get(field));
            }
        }
        JsonNode request = entry(json, "request");
        JsonNode sentryRequest = entry(sentry, "request");
        for (String field : List.of("method", "url", "query", "headers", "fragment", "cookies", "env",
                "inferredContentType")) {
            assertThat(request.get(field)).as(field).isEqualTo(sentryRequest.get(field));
        }
        assertThat(json.get("location")).isEqualTo(sentry.get("location"));
        assertThat(json.get("metadata")).isEqualTo(sentry.get("metadata"));
        assertThat(json.get("culprit")).isEqualTo(sentry.get("culprit"));
        assertThat(json.get("context")).isEqualTo(sentry.get("context"));
    }

    @Test
    void givesTheMessageAndBreadcrumbEntries() {
        JsonNode sentry = FixtureEvents.read("glitchtip/oss_sentry_events/django_message_params.json");
        ObjectNode body = FixtureEvents.normalize((ObjectNode) FixtureEvents.read(
                "glitchtip/incoming_events/django_message_params.json"));

        ObjectNode json = SentryEventJson.of(FixtureEvents.stored(body), 1);

        assertThat(entry(json, "message")).isEqualTo(entry(sentry, "message"));
        assertThat(json.get("message").asString()).isEqualTo("Here is a new error");
        assertThat(json.get("type").asString()).isEqualTo("default");

        JsonNode crumbs = entry(SentryEventJson.of(FixtureEvents.stored(FixtureEvents.body(FixtureEvents.BROWSER)), 1),
                "breadcrumbs").get("values");
        JsonNode sentryCrumbs = entry(FixtureEvents.read("glitchtip/oss_sentry_events/js_event_with_unix_timestamp.json"),
                "breadcrumbs").get("values");
        assertThat(crumbs).hasSize(3);
        for (int i = 0; i < crumbs.size(); i++) {
            for (String field : List.of("category", "message", "type", "data")) {
                assertThat(crumbs.get(i).get(field)).as("breadcrumb %d %s", i, field)
                        .isEqualTo(sentryCrumbs.get(i).get(field));
            }
        }
        assertThat(crumbs.get(2).get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void listsTheEventWithoutEntries() {
        ObjectNode json = SentryEventJson.listItem(FixtureEvents.stored(FixtureEvents.body(FixtureEvents.NODE)), 5);

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("id", "eventID", "groupID", "projectID",
                "dateCreated", "title", "message", "platform", "tags", "user", "event.type");
        assertThat(json.get("event.type").asString()).isEqualTo("error");
        assertThat(json.get("title").asString())
                .isEqualTo("SyntaxError: Expected property name or '}' in JSON at position 1");
    }

    @Test
    void shortensReleaseVersions() {
        assertThat(SentryEventJson.release("@acme/web@2.0.1").get("shortVersion").asString()).isEqualTo("2.0.1");
        assertThat(SentryEventJson.release("3f786850e387550fdab836ed7e6dc881de23001b").get("shortVersion").asString())
                .isEqualTo("3f786850e387");
        assertThat(SentryEventJson.release("api@3f786850e387550fdab836ed7e6dc881de23001b").get("shortVersion")
                .asString()).isEqualTo("3f786850e387");
        assertThat(SentryEventJson.release("2024.05")).isNotNull();
        assertThat(SentryEventJson.release(null)).isNull();
    }

    private static JsonNode entry(JsonNode event, String type) {
        return event.get("entries").valueStream().filter(entry -> entry.get("type").asString().equals(type))
                .findFirst().orElseThrow().get("data");
    }
}
