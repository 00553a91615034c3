package dev.faultline.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays GlitchTip's SDK payloads and compares our summaries with what open-source Sentry showed for the same
 * payloads (its event API: type, title, culprit, metadata).
 */
class FixtureSummaryTests {

    private static final Path GLITCHTIP = TestEvents.FIXTURES.resolve("glitchtip");
    /** Its Sentry counterpart names a frame the payload does not contain; see its own test. */
    private static final String EDITED_PAYLOAD = "js_error_with_context";

    static Stream<String> payloads() throws IOException {
        try (Stream<Path> files = Files.list(GLITCHTIP.resolve("incoming_events"))) {
            return files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(name -> !name.equals(EDITED_PAYLOAD))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void summarizesAsOpenSourceSentryDid(String name) throws IOException {
        JsonNode sentry = read("oss_sentry_events", name);

        EventSummary summary = summarize(name);

        assertThat(summary.type()).isEqualTo(sentry.get("type").stringValue());
        assertThat(summary.title()).isEqualTo(sentry.get("title").stringValue());
        assertThat(summary.culprit()).isEqualTo(sentry.get("culprit").stringValue());
        assertThat(summary.metadata()).isEqualTo(sentry.get("metadata"));
    }

    @Test
    void everyPayloadHasItsSentryCounterpart() throws IOException {
        List<String> names = payloads().toList();

        assertThat(names).hasSize(8);
        assertThat(names).allSatisfy(name ->
                assertThat(GLITCHTIP.resolve("oss_sentry_events").resolve(name + ".json")).exists());
    }

    /**
     * GlitchTip's payload for this case was cut down after Sentry stored it: Sentry's culprit and metadata name
     * {@code errorWithContext} in {@code /main.js}, a frame the payload no longer has (its only frame is
     * {@code globalZoneAwareCallback} in {@code polyfills.js}); GlitchTip's own test compares only the title. So the
     * title and type must match Sentry, and culprit and metadata come from the frame the payload has, by the same
     * rules.
     */
    @Test
    void summarizesTheEditedJavaScriptPayloadFromTheFrameItHas() throws IOException {
        JsonNode sentry = read("oss_sentry_events", EDITED_PAYLOAD);

        EventSummary summary = summarize(EDITED_PAYLOAD);

        assertThat(summary.type()).isEqualTo(sentry.get("type").stringValue());
        assertThat(summary.title()).isEqualTo(sentry.get("title").stringValue());
        assertThat(summary.culprit()).isEqualTo("globalZoneAwareCallback(/polyfills.js)");
        assertThat(summary.metadata()).isEqualTo(JsonMapper.shared().readTree("""
                {"type": "Error", "value": "Error with context", "filename": "/polyfills.js",
                 "function": "globalZoneAwareCallback"}"""));
    }

    private static EventSummary summarize(String name) throws IOException {
        ObjectNode payload = (ObjectNode) read("incoming_events", name);
        JsonNode sentry = read("oss_sentry_events", name);
        Instant receivedAt = Instant.parse(sentry.get("dateReceived").stringValue());
        Received received = new Received(null, receivedAt, null, "203.0.113.7", true, false);
        return EventSummaries.of(TestEvents.NORMALIZER.normalize(payload, received));
    }

    private static JsonNode read(String folder, String name) throws IOException {
        return JsonMapper.shared().readTree(Files.readString(GLITCHTIP.resolve(folder).resolve(name + ".json")));
    }
}
