package dev.faultline.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dev.faultline.support.WireCapture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Events for tests, and one normalizer for all of them (its User-Agent rules are slow to load). */
final class TestEvents {

    static final Normalizer NORMALIZER = new Normalizer();
    static final Instant RECEIVED_AT = Instant.parse("2026-11-22T02:03:40Z");
    static final String CLIENT_IP = "203.0.113.9";
    static final Path FIXTURES = WireCapture.FIXTURES;

    private TestEvents() {
    }

    static Received received() {
        return new Received(null, RECEIVED_AT, null, CLIENT_IP, true, false);
    }

    static ObjectNode normalize(String json) {
        return NORMALIZER.normalize(object(json), received());
    }

    static ObjectNode object(String json) {
        return (ObjectNode) JsonMapper.shared().readTree(json);
    }

    static JsonNode json(String json) {
        return JsonMapper.shared().readTree(json);
    }

    static JsonNode read(Path file) throws IOException {
        return JsonMapper.shared().readTree(Files.readString(file));
    }
}
