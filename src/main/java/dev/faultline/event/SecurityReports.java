package dev.faultline.event;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Browser Content Security Policy reports as Sentry events, the way relay converts them: the legacy
 * {@code report-uri} body ({@code {"csp-report": {...}}}) and the Reporting API's batches
 * ({@code [{"type": "csp-violation", "body": {...}}, ...]}). The events still go through the {@link Normalizer}.
 */
public final class SecurityReports {

    private static final String REPORTING_API_TYPE = "csp-violation";

    private SecurityReports() {
    }

    /**
     * One event per CSP violation in the body; reports of other types in a Reporting API batch are skipped.
     *
     * @throws IllegalArgumentException when the body is not a CSP report (to be answered with 400)
     */
    public static List<ObjectNode> toEvents(JsonNode body) {
        if (body instanceof ObjectNode object && object.has("csp-report")) {
            ObjectNode report = Json.object(object.get("csp-report"));
            if (report == null) {
                throw new IllegalArgumentException("invalid CSP report: \"csp-report\" is not an object");
            }
            return List.of(event(report, object));
        }
        if (body instanceof ObjectNode object && object.has("type")) {
            return reportingApi(List.of(object));
        }
        if (body instanceof ArrayNode batch) {
            List<JsonNode> reports = new ArrayList<>();
            batch.forEach(reports::add);
            return reportingApi(reports);
        }
        throw new IllegalArgumentException("invalid CSP report: expected {\"csp-report\": {...}} or a list of "
                + "Reporting API reports");
    }

    private static List<ObjectNode> reportingApi(List<JsonNode> reports) {
        List<ObjectNode> events = new ArrayList<>();
        for (JsonNode item : reports) {
            ObjectNode report = Json.object(item);
            if (report == null) {
                throw new IllegalArgumentException("invalid CSP report: a Reporting API report is not an object");
            }
            if (!REPORTING_API_TYPE.equals(Json.string(report.get("type")))) {
                continue;
            }
            ObjectNode body = Json.object(report.get("body"));
            if (body == null) {
                throw new IllegalArgumentException("invalid CSP report: a csp-violation report has no body object");
            }
            events.add(event(body, report));
        }
        return events;
    }

    private static ObjectNode event(ObjectNode raw, ObjectNode envelope) {
        CspReport report = CspReport.read(raw);
        ObjectNode event = Json.NODES.objectNode();
        event.put("type", "csp");
        event.put("level", "error");
        event.put("logger", "csp");
        event.putObject("logentry").put("formatted", report.message());
        event.put("culprit", report.culprit());
        ArrayNode tags = event.putArray("tags");
        tags.add(Json.pair("effective-directive", report.effectiveDirective()));
        tags.add(Json.pair("blocked-uri", report.sanitizedBlockedUri()));
        if (report.blockedHost() != null) {
            tags.add(Json.pair("blocked-host", report.blockedHost()));
        }
        ObjectNode request = event.putObject("request");
        Json.putOrRemove(request, "url", report.documentUri());
        String referrer = Json.nonBlank(report.fields().get("referrer"));
        String userAgent = Json.nonBlank(envelope.get("user_agent"));
        if (referrer != null || userAgent != null) {
            ArrayNode headers = request.putArray("headers");
            if (referrer != null) {
                headers.add(Json.pair("Referer", referrer));
            }
            if (userAgent != null) {
                headers.add(Json.pair("User-Agent", userAgent));
            }
        }
        event.set("csp", report.fields());
        return event;
    }
}
