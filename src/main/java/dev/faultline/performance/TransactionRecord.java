package dev.faultline.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.faultline.compression.BodyCompression;
import dev.faultline.ingest.EventIds;
import dev.faultline.ingest.UnixSeconds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transaction (a traced operation with its spans) as stored: its name, operation, duration, status and trace,
 * and the whole normalized event compressed beside them.
 */
public record TransactionRecord(long projectId, UUID eventId, Instant receivedAt, Instant startedAt, String name,
        String op, double durationMs, String status, String traceId, String environment, String release,
        byte[] body) {

    /** From a normalized transaction event. */
    public static TransactionRecord of(long projectId, Instant receivedAt, ObjectNode event, JsonMapper json,
            BodyCompression compression) {
        Instant end = UnixSeconds.instant(event.get("timestamp"), receivedAt);
        Instant start = UnixSeconds.instant(event.get("start_timestamp"), end);
        JsonNode trace = event.path("contexts").path("trace");
        UUID eventId = EventIds.parse(text(event, "event_id"));
        String name = text(event, "transaction");
        return new TransactionRecord(projectId, eventId == null ? UUID.randomUUID() : eventId, receivedAt, start,
                name == null || name.isBlank() ? "<unlabeled transaction>" : name, text(trace, "op"),
                Math.max(0, Duration.between(start, end).toNanos() / 1e6), text(trace, "status"), text(trace, "trace_id"),
                text(event, "environment"), text(event, "release"), compression.compressBody(json.writeValueAsBytes(event)));
    }

    /** Statuses that count as failed operations (Sentry's: anything but ok, cancelled and unknown). */
    boolean failed() {
        return status != null && !status.equals("ok") && !status.equals("cancelled") && !status.equals("unknown");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
