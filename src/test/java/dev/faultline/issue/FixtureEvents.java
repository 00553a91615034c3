package dev.faultline.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.faultline.event.EventSummaries;
import dev.faultline.event.EventSummary;
import dev.faultline.event.Grouper;
import dev.faultline.event.Grouping;
import dev.faultline.event.Level;
import dev.faultline.event.Normalizer;
import dev.faultline.event.Received;
import dev.faultline.event.StoredEvent;
import dev.faultline.support.WireCapture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Real SDK payloads from src/test/fixtures, normalized and summarized as digest stores them. */
final class FixtureEvents {

    static final Path FIXTURES = WireCapture.FIXTURES;
    static final Instant RECEIVED_AT = Instant.parse("2026-11-22T02:03:40Z");
    static final long PROJECT_ID = 7;
    static final long ISSUE_ID = 42;

    /** Loading the User-Agent rules is slow: one normalizer for all tests. */
    private static final Normalizer NORMALIZER = new Normalizer();
    private static final JsonMapper JSON = JsonMapper.shared();

    /** The Java SDK 8.62's exception ({@code IllegalStateException: boom 42} in {@code SendAll.main}). */
    static final String JAVA = "wire/java/007.txt";
    /** {@code @sentry/node} 11.12's {@code SyntaxError} from {@code JSON.parse} with source context. */
    static final String NODE = "wire/node/011.txt";
    /** python3-sentry-sdk 1.9.10's {@code ZeroDivisionError} with source context and variables. */
    static final String PYTHON = "wire/python-1.9.10/015.txt";
    /** A Django {@code ZeroDivisionError} with request headers, six frames. */
    static final String DJANGO = "glitchtip/incoming_events/python_zero_division.json";
    /** A browser error from Angular with breadcrumbs. */
    static final String BROWSER = "glitchtip/incoming_events/js_event_with_unix_timestamp.json";

    private FixtureEvents() {
    }

    /** The normalized body with what digest adds: type, title, culprit, metadata and grouping. */
    static ObjectNode body(String fixture) {
        return digested(NORMALIZER.normalize(payload(fixture), received()));
    }

    /** The payload as the SDK sent it, before normalization. */
    static ObjectNode payload(String fixture) {
        String text = read(FIXTURES.resolve(fixture));
        if (!fixture.endsWith(".txt")) {
            return (ObjectNode) JSON.readTree(text);
        }
        String body = text.substring(text.indexOf('\n', text.indexOf("-- raw bytes")) + 1);
        if (text.startsWith("POST /api/1/store/")) {
            return (ObjectNode) JSON.readTree(body);
        }
        List<String> lines = body.lines().toList();
        for (int i = 1; i + 1 < lines.size(); i++) {
            if ("event".equals(JSON.readTree(lines.get(i)).path("type").asString())) {
                return (ObjectNode) JSON.readTree(lines.get(i + 1));
            }
        }
        throw new IllegalArgumentException(fixture + " holds no event item");
    }

    static ObjectNode digested(ObjectNode normalized) {
        EventSummary summary = EventSummaries.of(normalized);
        Grouping grouping = new Grouper().group(normalized);
        normalized.put("type", summary.type());
        normalized.put("title", summary.title());
        normalized.put("culprit", summary.culprit());
        normalized.set("metadata", summary.metadata());
        ObjectNode stored = normalized.putObject("grouping");
        stored.put("hash", grouping.hash());
        stored.put("method", grouping.method());
        return normalized;
    }

    static ObjectNode normalize(ObjectNode payload) {
        return digested(NORMALIZER.normalize(payload, received()));
    }

    static StoredEvent stored(ObjectNode body) {
        String id = body.get("event_id").asString();
        UUID eventId = UUID.fromString(id.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        Instant occurredAt = Instant.ofEpochMilli((long) (body.get("timestamp").doubleValue() * 1000));
        List<String> tags = body.path("tags").valueStream()
                .map(pair -> pair.get(0).asString() + "=" + pair.get(1).asString()).toList();
        return new StoredEvent(PROJECT_ID, eventId, ISSUE_ID, RECEIVED_AT, occurredAt,
                Level.of(body.path("level").asString()), body.path("environment").asString(null),
                body.path("release").asString(null), null, body.path("grouping").path("hash").asString(), tags,
                body);
    }

    static JsonNode read(String fixture) {
        return JSON.readTree(read(FIXTURES.resolve(fixture)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Received received() {
        return new Received(null, RECEIVED_AT, null, "203.0.113.9", false, false);
    }
}
