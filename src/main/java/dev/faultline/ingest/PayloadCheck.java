package dev.faultline.ingest;

import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an event payload before it is acknowledged: one JSON object, well-formed, within the parser's nesting and
 * size limits; and reads its top-level {@code event_id} and {@code type} on the way. A streaming pass, without
 * building the tree (digest builds it later).
 */
final class PayloadCheck {

    /** What the pass found; fields are null when the payload has none (or none usable). */
    record Found(UUID eventId, String type) {
    }

    private PayloadCheck() {
    }

    static Found check(JsonMapper json, byte[] payload, String what) {
        UUID eventId = null;
        String type = null;
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw IngestException.badRequest("The " + what + " is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && parser.streamReadContext().getParent().inRoot()) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("event_id".equals(name) && value == JsonToken.VALUE_STRING) {
                        eventId = EventIds.parse(parser.getString());
                    }
                    else if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                        type = parser.getString();
                    }
                    else if (value.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
        }
        catch (JacksonException e) {
            throw IngestException.badRequest("The " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
        return new Found(eventId, type);
    }
}
