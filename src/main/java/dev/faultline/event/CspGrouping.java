package dev.faultline.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.node.ObjectNode;

/**
 * Groups browser Content Security Policy reports by the directive that was violated and what was blocked, or, for
 * inline scripts and eval on the page itself, by which of the two it was.
 */
final class CspGrouping {

    private static final String SELF = "'self'";

    private CspGrouping() {
    }

    static Grouped of(ObjectNode event) {
        ObjectNode csp = Json.object(event, "csp");
        if (csp == null) {
            return null;
        }
        String violated = Json.text(csp, "violated_directive");
        String directive = Json.text(csp, "effective_directive");
        if (directive == null && violated != null) {
            directive = violated.strip().split("\\s+")[0];
        }
        String blockedUri = Json.text(csp, "blocked_uri");
        if (directive == null && blockedUri == null) {
            return null;
        }
        String blocked = blocked(blockedUri == null ? "" : blockedUri.strip());

        ObjectNode components = Json.object();
        List<String> values = new ArrayList<>();
        Part directivePart = Part.of(directive == null ? "" : directive);
        components.set("directive", directivePart.toJson());
        values.add("csp.directive=" + directivePart.value());
        Part blockedPart = Part.of(blocked);
        String violation = localScriptViolation(directive, violated, blocked);
        if (violation != null) {
            components.set("violation", Part.of(violation).toJson());
            values.add("csp.violation=" + violation);
            blockedPart = blockedPart.ignored("the kind of inline script takes precedence");
        } else {
            values.add("csp.blocked=" + blocked);
        }
        components.set("blocked", blockedPart.toJson());
        ObjectNode wrapper = Json.object();
        wrapper.set("csp", components);
        return new Grouped(values, wrapper);
    }

    /** Inline script and eval are blocked on the page itself, so the page's own address says nothing. */
    private static String localScriptViolation(String directive, String violated, String blocked) {
        if (!"script-src".equals(directive) || violated == null || !SELF.equals(blocked)) {
            return null;
        }
        if (violated.contains("'unsafe-inline'")) {
            return "'unsafe-inline'";
        }
        return violated.contains("'unsafe-eval'") ? "'unsafe-eval'" : null;
    }

    /** The host for web addresses, the scheme for others such as data:, and keywords such as inline as they are. */
    static String blocked(String uri) {
        if (uri.isEmpty() || uri.equals("self") || uri.equals(SELF)) {
            return SELF;
        }
        int colon = uri.indexOf(':');
        if (colon < 0) {
            return uri;
        }
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = uri.substring(colon + 1);
        if (!rest.startsWith("//")) {
            return scheme;
        }
        String host = host(rest.substring(2));
        return scheme.equals("http") || scheme.equals("https") ? host : scheme + "://" + host;
    }

    private static String host(String authorityAndPath) {
        String authority = authorityAndPath.split("[/?#]", 2)[0];
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int port = authority.lastIndexOf(':');
        if (port >= 0 && authority.indexOf(']', port) < 0) {
            authority = authority.substring(0, port);
        }
        return authority.toLowerCase(Locale.ROOT);
    }
}
