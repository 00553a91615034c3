package dev.faultline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Sentry's envelope format from a stream: a header line, then items, each a header line and a payload of
 * {@code length} bytes when the header says so, else up to the next newline. Only the payloads of the types Faultline
 * keeps are held in memory, each within its size limit; the rest are read past.
 */
final class EnvelopeReader {

    /** Types whose payload is kept: events, transactions and streamed spans, files and user feedback. */
    static final Set<String> KEPT = Set.of("event", "transaction", "span", "attachment", "user_report", "feedback");
    private static final int MAX_HEADER_LINE = 64 * 1024;

    private final JsonMapper json;
    private final LineInput in;
    private final IngestLimits limits;
    private final LongConsumer reserve;
    private final Consumer<String> skipped;

    private EnvelopeReader(JsonMapper json, InputStream in, IngestLimits limits, LongConsumer reserve,
            Consumer<String> skipped) {
        this.json = json;
        this.in = new LineInput(in);
        this.limits = limits;
        this.reserve = reserve;
        this.skipped = skipped;
    }

    /**
     * @param reserve told the size of every payload kept, before it is read when the size is known, so memory can
     *                be refused before it is used
     * @param skipped told the type of every item read past, for the metric of skipped items
     */
    static Envelope read(JsonMapper json, InputStream in, IngestLimits limits, LongConsumer reserve,
            Consumer<String> skipped) throws IOException {
        return new EnvelopeReader(json, in, limits, reserve, skipped).read();
    }

    private Envelope read() throws IOException {
        byte[] headerLine = in.readLine(MAX_HEADER_LINE, "envelope header");
        if (headerLine == null || isBlank(headerLine)) {
            throw IngestException.badRequest("The envelope is empty: it needs a header line");
        }
        JsonNode header = parseObject(headerLine, "envelope header");
        List<Envelope.Item> items = new ArrayList<>();
        byte[] itemHeaderLine;
        while ((itemHeaderLine = in.readLine(MAX_HEADER_LINE, "item header")) != null) {
            if (isBlank(itemHeaderLine)) {
                continue;
            }
            JsonNode itemHeader = parseObject(itemHeaderLine, "item header");
            String type = itemHeader.path("type").isString() ? itemHeader.path("type").stringValue() : "";
            if (type.isEmpty()) {
                throw IngestException.badRequest("An envelope item header has no type");
            }
            long length = length(itemHeader);
            if (KEPT.contains(type)) {
                items.add(new Envelope.Item(type, itemHeader, readPayload(length, limits.maxItemBytes(type), type)));
            }
            else {
                skipPayload(length);
                skipped.accept(type);
            }
        }
        return new Envelope(header, items);
    }

    private static long length(JsonNode itemHeader) {
        JsonNode length = itemHeader.get("length");
        if (length == null || length.isNull()) {
            return -1;
        }
        if (!length.canConvertToLong() || !length.isIntegralNumber() || length.longValue() < 0) {
            throw IngestException.badRequest("An envelope item's length must be a whole number of bytes");
        }
        return length.longValue();
    }

    private byte[] readPayload(long length, long limit, String type) throws IOException {
        if (length < 0) {
            byte[] line = in.readLine(limit, type + " item");
            byte[] payload = line == null ? new byte[0] : line;
            reserve.accept(payload.length);
            return payload;
        }
        if (length > limit) {
            throw IngestException.tooLarge("The " + type + " item has " + length + " bytes; at most " + limit
                    + " are accepted");
        }
        reserve.accept(length);
        byte[] payload = in.readBytes((int) length);
        if (payload.length < length) {
            throw IngestException.badRequest("The envelope ends inside an item: its header says " + length
                    + " bytes, " + payload.length + " followed");
        }
        in.skipNewline();
        return payload;
    }

    private void skipPayload(long length) throws IOException {
        if (length < 0) {
            in.skipLine();
            return;
        }
        long skipped = in.skip(length);
        if (skipped < length) {
            throw IngestException.badRequest("The envelope ends inside an item: its header says " + length
                    + " bytes, " + skipped + " followed");
        }
        in.skipNewline();
    }

    private JsonNode parseObject(byte[] line, String what) {
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) {
                throw IngestException.badRequest("The " + what + " is not a JSON object");
            }
            return node;
        }
        catch (JacksonException e) {
            throw IngestException.badRequest("The " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
