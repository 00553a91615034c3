package dev.faultline.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The event payloads in envelopes and in the wire captures of whole requests, for replaying them in tests. */
final class Envelopes {

    /** An event or transaction item and the envelope header it came with (an empty one for store requests). */
    record Item(String source, ObjectNode header, ObjectNode payload) {
    }

    private Envelopes() {
    }

    /** The decoded body of a captured request: what follows the "-- raw bytes N, decoded M" line. */
    static List<Item> fromCapture(Path capture) throws IOException {
        String text = Files.readString(capture, StandardCharsets.UTF_8);
        String body = text.substring(text.indexOf('\n', text.indexOf("-- raw bytes")) + 1);
        String firstLine = text.substring(0, text.indexOf('\n'));
        if (firstLine.contains("/store/")) {
            ObjectNode event = (ObjectNode) JsonMapper.shared().readTree(body);
            return List.of(new Item(capture.toString(), JsonMapper.shared().createObjectNode(), event));
        }
        return items(capture.toString(), body.getBytes(StandardCharsets.UTF_8));
    }

    static List<Item> fromEnvelope(Path envelope) throws IOException {
        return items(envelope.toString(), Files.readAllBytes(envelope));
    }

    /** Envelope items, read by their length when given (attachments may hold newlines), else by line. */
    private static List<Item> items(String source, byte[] bytes) {
        List<Item> items = new ArrayList<>();
        int position = lineEnd(bytes, 0);
        ObjectNode header = (ObjectNode) JsonMapper.shared().readTree(Arrays.copyOfRange(bytes, 0, position));
        position++;
        while (position < bytes.length) {
            int headerEnd = lineEnd(bytes, position);
            JsonNode itemHeader = JsonMapper.shared().readTree(Arrays.copyOfRange(bytes, position, headerEnd));
            int start = headerEnd + 1;
            int end = itemHeader.has("length") ? Math.min(bytes.length, start + itemHeader.get("length").intValue())
                    : lineEnd(bytes, start);
            String type = itemHeader.path("type").asString();
            if (type.equals("event") || type.equals("transaction")) {
                JsonNode payload = parse(Arrays.copyOfRange(bytes, start, end));
                if (payload instanceof ObjectNode event) {
                    items.add(new Item(source, header, event));
                }
            }
            position = end + 1;
        }
        return items;
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JsonMapper.shared().readTree(payload);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
