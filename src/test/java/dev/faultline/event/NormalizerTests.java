package dev.faultline.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.event.TestEvents.FIXTURES;
import static dev.faultline.event.TestEvents.NORMALIZER;
import static dev.faultline.event.TestEvents.RECEIVED_AT;
import static dev.faultline.event.TestEvents.normalize;
import static dev.faultline.event.TestEvents.object;
import static org.assertj.core.api.Assertions.assertThat;

/** Ids, times, levels and the like, real SDK payloads, and payloads no SDK should send. */
class NormalizerTests {

    private static final double RECEIVED = Timestamps.seconds(RECEIVED_AT);

    static Stream<Envelopes.Item> capturedEvents() throws IOException {
        List<Envelopes.Item> items = new ArrayList<>();
        for (String sdk : List.of("java", "node", "python-1.9.10")) {
            try (Stream<Path> captures = Files.list(FIXTURES.resolve("wire").resolve(sdk))) {
                for (Path capture : captures.sorted().toList()) {
                    items.addAll(Envelopes.fromCapture(capture));
                }
            }
        }
        return items.stream();
    }

    @ParameterizedTest
    @MethodSource("capturedEvents")
    void normalizesWhatTheSdksSentKeepingExceptionsAndFrames(Envelopes.Item item) {
        ObjectNode payload = item.payload();
        List<Integer> frames = frameCounts(payload);
        Instant sentAt = item.header().has("sent_at") ? Instant.parse(item.header().get("sent_at").stringValue())
                : null;
        String headerId = item.header().has("event_id") ? item.header().get("event_id").stringValue() : null;

        ObjectNode event = NORMALIZER.normalize(payload.deepCopy(),
                new Received(headerId, sentAt == null ? RECEIVED_AT : sentAt.plusMillis(40), sentAt, "203.0.113.9",
                        true, false));

        assertContract(event);
        assertThat(frameCounts(event)).isEqualTo(frames);
        assertThat(event.get("event_id").stringValue()).isEqualTo(payload.get("event_id").stringValue());
        assertThat(event.get("errors")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"event.json", "sentry_event.json", "event_with_contexts.json"})
    void normalizesTheJavaSdksTestEvents(String file) throws IOException {
        ObjectNode payload = (ObjectNode) TestEvents.read(FIXTURES.resolve("sentry-java").resolve(file));
        List<Integer> frames = frameCounts(payload);

        ObjectNode event = NORMALIZER.normalize(payload.deepCopy(), TestEvents.received());

        assertContract(event);
        assertThat(frameCounts(event)).isEqualTo(frames);
    }

    @ParameterizedTest
    @ValueSource(strings = {"envelope-event-attachment.txt", "envelope-transaction.txt", "envelope-feedback.txt"})
    void normalizesTheEventsInTheJavaSdksTestEnvelopes(String file) throws IOException {
        for (Envelopes.Item item : Envelopes.fromEnvelope(FIXTURES.resolve("sentry-java").resolve(file))) {
            assertContract(NORMALIZER.normalize(item.payload(), TestEvents.received()));
        }
    }

    @Test
    void takesTheEnvelopeHeadersEventIdOverThePayloads() {
        ObjectNode event = NORMALIZER.normalize(object("{\"event_id\": \"0deedc6e122944f093c29d6e6182fce9\"}"),
                new Received("9EC79C33-EC99-42AB-8353-589FCB2E04DC", RECEIVED_AT, null, null, true, false));

        assertThat(event.get("event_id").stringValue()).isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
    }

    @ParameterizedTest
    @CsvSource({"087be0b0-f5de-424f-62fc-21adbf8d8dcf, 087be0b0f5de424f62fc21adbf8d8dcf",
            "0DEEDC6E122944F093C29D6E6182FCE9, 0deedc6e122944f093c29d6e6182fce9"})
    void normalizesThePayloadsEventIdWithoutAHeader(String sent, String expected) {
        assertThat(normalize("{\"event_id\": \"" + sent + "\"}").get("event_id").stringValue()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"event_id\": \"not-an-id\"}", "{\"event_id\": 42}"})
    void makesUpAnEventIdWhenThereIsNone(String json) {
        assertThat(normalize(json).get("event_id").stringValue()).matches("[0-9a-f]{32}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-22T02:03:38.363Z\"", "\"2026-11-22T02:03:38.363000Z\"",
            "\"2026-11-22T02:03:38.363000000Z\"", "\"2026-11-22T03:03:38.363+01:00\"",
            "\"2026-11-21T21:33:38.363-04:30\"", "\"2026-11-22T02:03:38.363\"", "\"2026-11-22 02:03:38.363\"",
            "1795313018.363", "\"1795313018.363\""})
    void readsRfc3339AndUnixTimestamps(String timestamp) {
        ObjectNode event = normalize("{\"timestamp\": " + timestamp + "}");

        assertThat(event.get("timestamp").doubleValue()).isEqualTo(1795313018.363);
        assertThat(event.get("received").doubleValue()).isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"timestamp\": \"yesterday\"}", "{\"timestamp\": {}}", "{\"timestamp\": 1e300}"})
    void takesTheTimeReceivedWhenTheTimestampIsMissingOrUnreadable(String json) {
        assertThat(normalize(json).get("timestamp").doubleValue()).isEqualTo(RECEIVED);
    }

    @Test
    void correctsTheSdksClockByItsSentAt() {
        Instant sentAt = RECEIVED_AT.minus(Duration.ofHours(2));
        ObjectNode event = NORMALIZER.normalize(object("""
                {"timestamp": "2026-11-22T00:03:30Z", "breadcrumbs": [{"timestamp": "2026-11-22T00:03:20Z"}]}"""),
                new Received(null, RECEIVED_AT, sentAt, null, true, false));

        assertThat(event.get("timestamp").doubleValue()).isEqualTo(RECEIVED - 10);
        assertThat(event.at("/breadcrumbs/values/0/timestamp").doubleValue()).isEqualTo(RECEIVED - 20);
        assertThat(event.get("errors")).isEqualTo(TestEvents.json("""
                [{"type": "clock_drift", "name": "timestamp", "sdk_time": "2026-11-22T00:03:40Z",
                  "server_time": "2026-11-22T02:03:40Z"}]"""));
    }

    @Test
    void leavesTimesAloneWhenTheClocksDifferByLessThanAMinute() {
        ObjectNode event = NORMALIZER.normalize(object("{\"timestamp\": \"2026-11-22T02:03:00Z\"}"),
                new Received(null, RECEIVED_AT, RECEIVED_AT.minusSeconds(50), null, true, false));

        assertThat(event.get("timestamp").doubleValue()).isEqualTo(RECEIVED - 40);
        assertThat(event.has("errors")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2026-11-22T02:05:00Z, future_timestamp", "2026-10-22T02:03:39Z, past_timestamp"})
    void replacesTimesTooFarInTheFutureOrPastByTheTimeReceived(String timestamp, String error) {
        ObjectNode event = normalize("{\"timestamp\": \"" + timestamp + "\"}");

        assertThat(event.get("timestamp").doubleValue()).isEqualTo(RECEIVED);
        assertThat(event.at("/errors/0/type").stringValue()).isEqualTo(error);
        assertThat(event.at("/errors/0/sdk_time").stringValue()).isEqualTo(timestamp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T02:04:35Z", "2026-10-24T02:03:40Z"})
    void keepsTimesWithinAMinuteAheadAndThirtyDaysBack(String timestamp) {
        ObjectNode event = normalize("{\"timestamp\": \"" + timestamp + "\"}");

        assertThat(event.get("timestamp").doubleValue()).isEqualTo(Timestamps.seconds(Instant.parse(timestamp)));
        assertThat(event.has("errors")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"'\"warn\"', warning", "'\"WARNING\"', warning", "'\"critical\"', fatal", "'\"err\"', error",
            "'\"log\"', info", "'\"debug\"', debug", "'\"fatal\"', fatal", "30, warning", "'\"40\"', error",
            "'\"bogus\"', error", "'{}', error", "null, error"})
    void readsLevelsAndTheirAliases(String level, String expected) {
        assertThat(normalize("{\"level\": " + level + "}").get("level").stringValue()).isEqualTo(expected);
    }

    @Test
    void defaultsTransactionsToInfo() {
        ObjectNode event = normalize("{\"type\": \"transaction\", \"transaction\": \"GET /checkout\"}");

        assertThat(event.get("level").stringValue()).isEqualTo("info");
        assertThat(event.get("type").stringValue()).isEqualTo("transaction");
    }

    @Test
    void defaultsTheEnvironmentAndPlatform() {
        ObjectNode event = normalize("{\"platform\": \"cobol\", \"environment\": \"  \"}");

        assertThat(event.get("environment").stringValue()).isEqualTo("production");
        assertThat(event.get("platform").stringValue()).isEqualTo("other");
    }

    @Test
    void keepsFieldsItDoesNotKnow() {
        ObjectNode event = normalize("{\"vendor_field\": {\"a\": [1, 2]}, \"modules\": {\"django\": \"3.2\"}}");

        assertThat(event.get("vendor_field")).isEqualTo(TestEvents.json("{\"a\": [1, 2]}"));
        assertThat(event.at("/modules/django").stringValue()).isEqualTo("3.2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ["{{ default }}", 7, true] | ["{{ default }}","7","True"]
            []                         |
            [{}]                       |
            "one"                      |
            """)
    void keepsOnlyFingerprintsOfStrings(String fingerprint, String expected) {
        ObjectNode event = normalize("{\"fingerprint\": " + fingerprint + ", \"checksum\": 12}");

        assertThat(event.has("fingerprint")).isEqualTo(expected != null);
        if (expected != null) {
            assertThat(event.get("fingerprint").toString()).isEqualTo(expected);
        }
        assertThat(event.get("checksum").stringValue()).isEqualTo("12");
    }

    static void assertContract(ObjectNode event) {
        assertThat(event.get("event_id").stringValue()).matches("[0-9a-f]{32}");
        assertThat(event.get("timestamp").isNumber()).isTrue();
        assertThat(event.get("received").isNumber()).isTrue();
        assertThat(event.get("level").stringValue()).isIn("fatal", "error", "warning", "info", "debug");
        assertThat(event.get("platform").isString()).isTrue();
        assertThat(event.get("environment").isString()).isTrue();
        assertThat(event.has("message")).isFalse();
        if (event.has("logentry")) {
            assertThat(event.at("/logentry/formatted").isString()).isTrue();
        }
        if (event.has("exception")) {
            assertThat(event.at("/exception/values").isArray()).isTrue();
            assertThat(event.at("/exception/values").isEmpty()).isFalse();
            assertThat(event.has("stacktrace")).isFalse();
        }
        for (JsonNode tag : Json.values(event.get("tags"))) {
            assertThat(tag.size()).isEqualTo(2);
            assertThat(tag.get(0).isString() && tag.get(1).isString()).isTrue();
            assertThat(tag.get(0).stringValue().length()).isLessThanOrEqualTo(200);
            assertThat(tag.get(1).stringValue().length()).isLessThanOrEqualTo(200);
        }
        if (event.has("contexts")) {
            event.get("contexts").forEach(context -> assertThat(context.isObject()).isTrue());
        }
        if (event.has("breadcrumbs")) {
            assertThat(event.at("/breadcrumbs/values").size()).isBetween(1, 100);
        }
        if (event.has("fingerprint")) {
            event.get("fingerprint").forEach(part -> assertThat(part.isString()).isTrue());
        }
    }

    /** The number of frames of each exception and thread, in order. */
    private static List<Integer> frameCounts(JsonNode event) {
        List<Integer> counts = new ArrayList<>();
        for (String list : List.of("exception", "threads")) {
            for (JsonNode holder : Json.values(event.get(list))) {
                counts.add(Json.values(holder.path("stacktrace").get("frames")).size());
            }
        }
        return counts;
    }
}
