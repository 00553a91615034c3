package dev.faultline.ingest;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A parsed envelope: its header and the items ingest keeps. Items of types that are accepted but not stored have
 * been read past and are only counted.
 */
record Envelope(JsonNode header, List<Item> items) {

    /** One item: its type, its header, and its payload bytes. */
    record Item(String type, JsonNode header, byte[] payload) {

        String headerText(String name) {
            JsonNode value = header.get(name);
            return value != null && value.isString() ? value.stringValue() : null;
        }
    }
}
