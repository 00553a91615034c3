package dev.faultline.performance;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Span items, which SDKs that stream spans (the JavaScript SDK from version 10) send instead of transactions: a
 * {@code {"version": 2, "items": [...]}} list, or one span of the older format. Each segment span (the root of its
 * service's part of a trace) becomes a transaction event, with the spans of the same item that belong to it; child
 * spans sent in other items are not joined to it.
 */
public final class StreamedSpans {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamedSpans() {
    }

    /** The transaction events of the item's segment spans, to be normalized like any transaction. */
    public static List<ObjectNode> toTransactions(JsonNode payload) {
        List<JsonNode> spans = new ArrayList<>();
        if (payload.path("items").isArray()) {
            payload.get("items").forEach(spans::add);
        }
        else if (payload.isObject()) {
            spans.add(payload);
        }
        List<ObjectNode> transactions = new ArrayList<>();
        for (JsonNode span : spans) {
            if (isSegment(span)) {
                transactions.add(transaction(span, spans));
            }
        }
        return transactions;
    }

    private static boolean isSegment(JsonNode span) {
        JsonNode flag = span.get("is_segment");
        if (flag != null && flag.isBoolean()) {
            return flag.booleanValue();
        }
        String segmentId = text(span, "segment_id");
        return segmentId != null ? segmentId.equals(text(span, "span_id")) : text(span, "parent_span_id") == null;
    }

    private static ObjectNode transaction(JsonNode segment, List<JsonNode> spans) {
        ObjectNode event = NODES.objectNode();
        event.put("type", "transaction");
        copy(name(segment), event, "transaction");
        copy(segment, "start_timestamp", event, "start_timestamp");
        event.set("timestamp", end(segment));
        copy(attribute(segment, "sentry.release"), event, "release");
        copy(attribute(segment, "sentry.environment"), event, "environment");
        ObjectNode trace = event.putObject("contexts").putObject("trace");
        trace.put("type", "trace");
        copy(segment, "trace_id", trace, "trace_id");
        copy(segment, "span_id", trace, "span_id");
        copy(segment, "parent_span_id", trace, "parent_span_id");
        copy(op(segment), trace, "op");
        copy(segment, "status", trace, "status");
        JsonNode sdkName = attribute(segment, "sentry.sdk.name");
        if (sdkName != null) {
            ObjectNode sdk = event.putObject("sdk");
            copy(sdkName, sdk, "name");
            copy(attribute(segment, "sentry.sdk.version"), sdk, "version");
        }
        String segmentId = text(segment, "span_id");
        ArrayNode children = event.putArray("spans");
        for (JsonNode span : spans) {
            if (span != segment && segmentId != null && segmentId.equals(segmentIdOf(span))) {
                children.add(child(span));
            }
        }
        return event;
    }

    private static ObjectNode child(JsonNode span) {
        ObjectNode child = NODES.objectNode();
        for (String field : new String[] {"span_id", "parent_span_id", "trace_id", "start_timestamp", "status"}) {
            copy(span, field, child, field);
        }
        child.set("timestamp", end(span));
        copy(name(span), child, "description");
        copy(op(span), child, "op");
        return child;
    }

    private static String segmentIdOf(JsonNode span) {
        JsonNode attribute = attribute(span, "sentry.segment.id");
        return attribute != null && attribute.isString() ? attribute.stringValue() : text(span, "segment_id");
    }

    /** Version 2 names a span; the older format describes it. */
    private static JsonNode name(JsonNode span) {
        return span.hasNonNull("name") ? span.get("name") : span.get("description");
    }

    /** The older format has {@code op} and {@code timestamp}; version 2 keeps the op among its attributes. */
    private static JsonNode op(JsonNode span) {
        return span.hasNonNull("op") ? span.get("op") : attribute(span, "sentry.op");
    }

    private static JsonNode end(JsonNode span) {
        return span.hasNonNull("end_timestamp") ? span.get("end_timestamp") : span.get("timestamp");
    }

    /** An attribute's value: {@code {"value": ..., "type": ...}} in version 2, or a bare value in {@code data}. */
    private static JsonNode attribute(JsonNode span, String name) {
        JsonNode attribute = span.path("attributes").get(name);
        if (attribute != null) {
            return attribute.isObject() ? attribute.get("value") : attribute;
        }
        return span.path("data").get(name);
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        copy(from.get(field), to, as);
    }

    private static void copy(JsonNode value, ObjectNode to, String as) {
        if (value != null && !value.isNull() && !value.isContainer()) {
            to.set(as, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
