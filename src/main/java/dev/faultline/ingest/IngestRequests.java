package dev.faultline.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.zip.InflaterInputStream;

import dev.faultline.compression.BodyCompression;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One ingest request from start to acknowledgement: admission, authentication, decoding, parsing, rate limits, and
 * the wait for the commit.
 */
@Service
class IngestRequests {

    private final KeyCache keys;
    private final KeyRateLimiter rateLimiter;
    private final IngestGate gate;
    private final IntakeWriter writer;
    private final TrustedProxies proxies;
    private final JsonMapper json;
    private final BodyCompression compression;
    /** Item types SDKs send that Faultline does not keep. */
    private static final Set<String> SKIPPED_TYPES = Set.of("session", "sessions", "client_report", "check_in", "log",
            "otel_log", "span", "otel_span", "profile", "profile_chunk", "replay_event", "replay_recording",
            "replay_video", "statsd", "metric_buckets", "metric_meta", "trace_metric", "nel", "raw_security");

    private final MeterRegistry meters;
    private final IngestLimits limits = IngestLimits.DEFAULTS;

    IngestRequests(KeyCache keys, KeyRateLimiter rateLimiter, IngestGate gate, IntakeWriter writer,
            TrustedProxies proxies, JsonMapper json, BodyCompression compression, MeterRegistry meters) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.gate = gate;
        this.writer = writer;
        this.proxies = proxies;
        this.json = json;
        this.compression = compression;
        this.meters = meters;
    }

    /** Returns the id to answer with: the envelope header's event id, or null for envelopes without events. */
    UUID envelope(long projectId, HttpServletRequest request, Instant receivedAt) throws IOException {
        try (var admission = gate.admit()) {
            String headerKey = SentryAuth.publicKey(request);
            IngestKeys.IngestKey key = headerKey == null ? null : authenticate(headerKey, projectId);
            Envelope envelope;
            try (InputStream body = decodedBody(request)) {
                envelope = EnvelopeReader.read(json, body, limits, admission::reserve, this::countSkipped);
            }
            if (key == null) {
                key = authenticate(SentryAuth.fromDsn(text(envelope.header(), "dsn")), projectId);
            }
            UUID headerEventId = EventIds.parse(text(envelope.header(), "event_id"));
            Instant sentAt = timestamp(text(envelope.header(), "sent_at"));
            var batch = new IntakeBatchBuilder(compression, projectId, receivedAt, sentAt, proxies.clientAddress(request));
            for (Envelope.Item item : envelope.items()) {
                add(batch, item, headerEventId);
            }
            rateLimiter.acquire(key, batch.eventCount(), receivedAt);
            commit(batch.build());
            return headerEventId;
        }
    }

    /** {@code /store/}: one event as JSON, or (from old SDKs) as base64 of zlib-compressed JSON. */
    UUID store(long projectId, HttpServletRequest request, Instant receivedAt) throws IOException {
        try (var admission = gate.admit()) {
            IngestKeys.IngestKey key = authenticate(SentryAuth.publicKey(request), projectId);
            byte[] payload = readEvent(request, admission);
            PayloadCheck.Found found = PayloadCheck.check(json, payload, "event");
            UUID eventId = found.eventId() != null ? found.eventId() : UUID.randomUUID();
            var batch = new IntakeBatchBuilder(compression, projectId, receivedAt, null, proxies.clientAddress(request));
            batch.row("transaction".equals(found.type()) ? IntakeKind.TRANSACTION : IntakeKind.EVENT, eventId, payload);
            rateLimiter.acquire(key, 1, receivedAt);
            commit(batch.build());
            return eventId;
        }
    }

    /** A browser's CSP report: kept as it came, turned into an event by digest. */
    UUID securityReport(long projectId, HttpServletRequest request, Instant receivedAt) throws IOException {
        try (var admission = gate.admit()) {
            IngestKeys.IngestKey key = authenticate(SentryAuth.publicKey(request), projectId);
            byte[] payload = readEvent(request, admission);
            checkJson(payload, "security report");
            UUID eventId = UUID.randomUUID();
            var batch = new IntakeBatchBuilder(compression, projectId, receivedAt, null, proxies.clientAddress(request));
            batch.row(IntakeKind.SECURITY_REPORT, eventId, payload);
            rateLimiter.acquire(key, 1, receivedAt);
            commit(batch.build());
            return eventId;
        }
    }

    private void add(IntakeBatchBuilder batch, Envelope.Item item, UUID headerEventId) {
        meters.counter("faultline.ingest.items.accepted", "type", item.type()).increment();
        switch (item.type()) {
            case "event", "transaction" -> {
                PayloadCheck.Found found = PayloadCheck.check(json, item.payload(), item.type());
                UUID eventId = headerEventId != null ? headerEventId
                        : found.eventId() != null ? found.eventId() : UUID.randomUUID();
                batch.row("transaction".equals(item.type()) ? IntakeKind.TRANSACTION : IntakeKind.EVENT, eventId,
                        item.payload());
            }
            case "span" -> {
                // Spans are extra: one that cannot be read is skipped, never a reason to refuse the envelope.
                if (isJson(item.payload())) {
                    batch.row(IntakeKind.SPANS, UUID.randomUUID(), item.payload());
                }
                else {
                    countSkipped("span");
                }
            }
            case "attachment" -> batch.attachment(headerEventId, item);
            case "user_report" -> batch.userReport(parseObject(item.payload(), "user report"));
            case "feedback" -> batch.feedback(parseObject(item.payload(), "feedback"));
            default -> throw new IllegalStateException("unexpected item type " + item.type());
        }
    }

    private IngestKeys.IngestKey authenticate(String publicKey, long projectId) {
        if (publicKey == null || publicKey.isBlank()) {
            throw IngestException.unauthorized("No DSN key: send it as X-Sentry-Auth: Sentry sentry_key=<key>, or "
                    + "as the sentry_key query parameter");
        }
        UUID parsed = SentryAuth.parseKey(publicKey);
        if (parsed == null) {
            throw IngestException.unauthorized("'" + publicKey + "' is not a DSN key (32 hexadecimal digits)");
        }
        IngestKeys.IngestKey key = keys.find(parsed)
                .orElseThrow(() -> IngestException.unauthorized("Unknown DSN key " + EventIds.format(parsed)));
        if (key.projectId() != projectId) {
            throw IngestException.forbidden("DSN key " + EventIds.format(parsed) + " does not belong to project "
                    + projectId);
        }
        if (!key.active()) {
            throw IngestException.forbidden("DSN key " + EventIds.format(parsed) + " is disabled");
        }
        return key;
    }

    /** The request body as sent, bounded before any decompression. */
    private InputStream rawBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limits.maxCompressedBytes()) {
            throw IngestException.tooLarge("The request body has " + declared + " bytes; at most "
                    + limits.maxCompressedBytes() + " are accepted");
        }
        return new LimitedInputStream(request.getInputStream(), limits.maxCompressedBytes(),
                () -> IngestException.tooLarge("The request body is larger than " + limits.maxCompressedBytes()
                        + " bytes, the most accepted"));
    }

    private InputStream decodedBody(HttpServletRequest request) throws IOException {
        InputStream raw = rawBody(request);
        InputStream decoded;
        try {
            decoded = ContentDecoding.decode(raw, request.getHeader("Content-Encoding"));
        }
        catch (IOException e) {
            throw IngestException.badRequest("The request body is not valid " + request.getHeader("Content-Encoding")
                    + ": " + e.getMessage());
        }
        return new LimitedInputStream(decoded, limits.maxDecompressedBytes(),
                () -> IngestException.tooLarge("The request body is larger than " + limits.maxDecompressedBytes()
                        + " bytes once decompressed, the most accepted"));
    }

    /** A whole-body event (store, security), with the base64-of-zlib form old SDKs send to /store/. */
    private byte[] readEvent(HttpServletRequest request, IngestGate.Admission admission) throws IOException {
        byte[] body;
        try (InputStream in = new LimitedInputStream(decodedBody(request), limits.maxEventBytes(),
                () -> IngestException.tooLarge("The event is larger than " + limits.maxEventBytes()
                        + " bytes, the most accepted"))) {
            body = in.readAllBytes();
        }
        admission.reserve(body.length);
        int first = firstNonBlank(body);
        if (first == -1) {
            throw IngestException.badRequest("The request body is empty");
        }
        if (body[first] == '{' || body[first] == '[') {
            return body;
        }
        try (InputStream inflated = new LimitedInputStream(new InflaterInputStream(new ByteArrayInputStream(
                Base64.getMimeDecoder().decode(body))), limits.maxEventBytes(),
                () -> IngestException.tooLarge("The event is larger than " + limits.maxEventBytes() + " bytes"))) {
            byte[] payload = inflated.readAllBytes();
            admission.reserve(payload.length);
            return payload;
        }
        catch (IllegalArgumentException | IOException e) {
            throw IngestException.badRequest("The request body is neither JSON nor base64 of zlib-compressed JSON");
        }
    }

    private void commit(IntakeBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.submit(batch).get();
        }
        catch (ExecutionException e) {
            throw IngestException.unavailable("The event could not be stored; retry later");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IngestException.unavailable("The event could not be stored; retry later");
        }
    }

    /** Counts an item read past, by type; types no SDK documents count together, so clients cannot grow the meters. */
    private void countSkipped(String type) {
        meters.counter("faultline.ingest.items.skipped", "type", SKIPPED_TYPES.contains(type) ? type : "other")
                .increment();
    }

    private boolean isJson(byte[] payload) {
        try {
            json.readTree(payload);
            return true;
        }
        catch (JacksonException e) {
            return false;
        }
    }

    private void checkJson(byte[] payload, String what) {
        try {
            json.readTree(payload);
        }
        catch (JacksonException e) {
            throw IngestException.badRequest("The " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private JsonNode parseObject(byte[] payload, String what) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.isObject()) {
                throw IngestException.badRequest("The " + what + " is not a JSON object");
            }
            return node;
        }
        catch (JacksonException e) {
            throw IngestException.badRequest("The " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static Instant timestamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int firstNonBlank(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Collects one request's rows: payloads compressed, files and feedback beside them. */
    private static final class IntakeBatchBuilder {

        private final BodyCompression compression;
        private final long projectId;
        private final Instant receivedAt;
        private final Instant sentAt;
        private final String clientIp;
        private final List<IntakeRow> rows = new ArrayList<>();
        private final List<IntakeBatch.Attachment> attachments = new ArrayList<>();
        private final List<IntakeBatch.Feedback> feedback = new ArrayList<>();

        IntakeBatchBuilder(BodyCompression compression, long projectId, Instant receivedAt, Instant sentAt,
                String clientIp) {
            this.compression = compression;
            this.projectId = projectId;
            this.receivedAt = receivedAt;
            this.sentAt = sentAt;
            this.clientIp = clientIp;
        }

        void row(IntakeKind kind, UUID eventId, byte[] payload) {
            rows.add(new IntakeRow(0, projectId, kind, eventId, receivedAt, sentAt, clientIp,
                    compression.compressPayload(payload)));
        }

        void attachment(UUID eventId, Envelope.Item item) {
            if (eventId == null) {
                throw IngestException.badRequest("An attachment needs the envelope header's event_id to belong to");
            }
            String name = item.headerText("filename");
            attachments.add(new IntakeBatch.Attachment(projectId, eventId, name == null ? "attachment" : name,
                    item.headerText("content_type"), item.headerText("attachment_type"), receivedAt, item.payload()));
        }

        /** The legacy user report: {@code {event_id, name, email, comments}}. */
        void userReport(JsonNode report) {
            feedback.add(new IntakeBatch.Feedback(projectId, EventIds.parse(text(report, "event_id")),
                    orEmpty(text(report, "name")), orEmpty(text(report, "email")), required(text(report, "comments")),
                    receivedAt));
        }

        /** The newer feedback item: an event whose {@code contexts.feedback} holds the message. */
        void feedback(JsonNode event) {
            JsonNode context = event.path("contexts").path("feedback");
            UUID associated = EventIds.parse(text(context, "associated_event_id"));
            feedback.add(new IntakeBatch.Feedback(projectId, associated, orEmpty(text(context, "name")),
                    orEmpty(text(context, "contact_email")), required(text(context, "message")), receivedAt));
        }

        int eventCount() {
            return rows.size();
        }

        IntakeBatch build() {
            return new IntakeBatch(rows, attachments, feedback);
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }

        private static String required(String comments) {
            if (comments == null || comments.isBlank()) {
                throw IngestException.badRequest("User feedback needs its comments");
            }
            return comments;
        }
    }
}
