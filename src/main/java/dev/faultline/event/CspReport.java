package dev.faultline.event;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * One CSP violation in relay's terms: its fields under Sentry's names, the message that becomes the title
 * ("Blocked 'script' from 'evil.com'") and the culprit (the violated directive with the document's origin as
 * {@code 'self'}).
 */
record CspReport(String effectiveDirective, ObjectNode fields) {

    private static final Set<String> DIRECTIVES = Set.of("base-uri", "child-src", "connect-src", "default-src",
            "fenced-frame-src", "font-src", "form-action", "frame-ancestors", "frame-src", "img-src", "manifest-src",
            "media-src", "object-src", "plugin-types", "prefetch-src", "referrer", "script-src", "script-src-attr",
            "script-src-elem", "style-src", "style-src-elem", "style-src-attr", "upgrade-insecure-requests",
            "worker-src", "sandbox", "navigate-to", "report-uri", "report-to", "block-all-mixed-content",
            "require-sri-for", "require-trusted-types-for", "trusted-types");
    /** Schemes Python's urlunsplit writes with "//", whose quirks relay copies. */
    private static final Set<String> HOST_SCHEMES = Set.of("ftp", "http", "gopher", "nntp", "telnet", "imap", "wais",
            "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp",
            "nfs", "git", "git+ssh", "ws", "wss");
    /** The name each directive's resource goes by in messages. */
    private static final Map<String, String> RESOURCES = Map.ofEntries(Map.entry("child-src", "child"),
            Map.entry("connect-src", "connect"), Map.entry("font-src", "font"), Map.entry("img-src", "image"),
            Map.entry("manifest-src", "manifest"), Map.entry("media-src", "media"),
            Map.entry("object-src", "object"), Map.entry("script-src", "script"),
            Map.entry("script-src-elem", "script"), Map.entry("style-src", "style"),
            Map.entry("style-src-elem", "style"));

    /** Reads the legacy report ({@code "blocked-uri"}) and the Reporting API's body ({@code "blockedURL"}). */
    static CspReport read(ObjectNode raw) {
        ObjectNode fields = Json.NODES.objectNode();
        text(raw, fields, "blocked_uri", "blocked-uri", "blockedURL", "blockedURI");
        if (!fields.has("blocked_uri")) {
            fields.put("blocked_uri", "self");
        }
        text(raw, fields, "document_uri", "document-uri", "documentURL", "documentURI");
        text(raw, fields, "original_policy", "original-policy", "originalPolicy");
        text(raw, fields, "referrer", "referrer");
        number(raw, fields, "status_code", "status-code", "statusCode");
        text(raw, fields, "violated_directive", "violated-directive", "violatedDirective");
        if (!fields.has("violated_directive")) {
            fields.put("violated_directive", "");
        }
        text(raw, fields, "source_file", "source-file", "sourceFile");
        number(raw, fields, "line_number", "line-number", "lineNumber");
        number(raw, fields, "column_number", "column-number", "columnNumber");
        text(raw, fields, "script_sample", "script-sample", "scriptSample", "sample");
        text(raw, fields, "disposition", "disposition");
        String directive = directive(first(raw, "effective_directive", "effective-directive", "effectiveDirective"));
        if (directive == null) {
            // Firefox sent no effective-directive; the violated one starts with it.
            directive = directive(fields.get("violated_directive").stringValue());
        }
        if (directive == null) {
            throw new IllegalArgumentException("invalid CSP report: no known directive in effective-directive or "
                    + "violated-directive");
        }
        fields.put("effective_directive", directive);
        return new CspReport(directive, fields);
    }

    String blockedUri() {
        return fields.get("blocked_uri").stringValue();
    }

    String documentUri() {
        return Json.string(fields.get("document_uri"));
    }

    String message() {
        String blocked = blockedUri();
        if (effectiveDirective.equals("script-src") && blocked.equals("inline")) {
            return "Blocked unsafe inline 'script'";
        }
        if (effectiveDirective.equals("script-src") && blocked.equals("eval")) {
            return "Blocked unsafe eval() 'script'";
        }
        if (isLocal(blocked)) {
            return switch (effectiveDirective) {
                case "script-src-attr" -> "Blocked unsafe 'script' element";
                case "script-src-elem" -> "Blocked inline script attribute";
                case "style-src-elem" -> "Blocked 'style' or 'link' element";
                case "style-src-attr" -> "Blocked style attribute";
                case "script-src" -> "Blocked unsafe (eval() or inline) 'script'";
                default -> "Blocked inline '" + RESOURCES.getOrDefault(effectiveDirective, effectiveDirective) + "'";
            };
        }
        String uri = normalizeUri(blocked);
        return switch (effectiveDirective) {
            case "form-action" -> "Blocked 'form' action to '" + uri + "'";
            case "script-src-attr" -> "Blocked inline script attribute from '" + uri + "'";
            case "style-src-attr" -> "Blocked style attribute from '" + uri + "'";
            default -> "Blocked '" + RESOURCES.getOrDefault(effectiveDirective, effectiveDirective) + "' from '"
                    + uri + "'";
        };
    }

    /** The violated directive, its sources naming the document's own origin shown as {@code 'self'}. */
    String culprit() {
        String[] bits = fields.get("violated_directive").stringValue().strip().split("\\s+");
        if (bits[0].isEmpty()) {
            return "";
        }
        String document = normalizeUri(documentUri() == null ? "" : documentUri());
        StringBuilder culprit = new StringBuilder(bits[0]);
        for (int i = 1; i < bits.length; i++) {
            culprit.append(' ').append(source(bits[i], document));
        }
        return culprit.toString();
    }

    /** The host of a blocked http(s) URI, for the {@code blocked-host} tag. */
    String blockedHost() {
        try {
            URI uri = new URI(blockedUri());
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? uri.getHost() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The blocked URI without the query of Stripe's API, which carries card data (relay's special case). */
    String sanitizedBlockedUri() {
        String uri = blockedUri();
        if (uri.startsWith("https://api.stripe.com/")) {
            int cut = uri.replace('#', '?').indexOf('?');
            return cut < 0 ? uri : uri.substring(0, cut);
        }
        return uri;
    }

    /** Relay's (and Python's urlunsplit's) short form of a URI: the host for http(s), else scheme and host. */
    static String normalizeUri(String value) {
        if (isLocal(value)) {
            return "'self'";
        }
        if (!value.contains(":")) {
            return unsplit(value, "");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            return value;
        }
        if (uri.getScheme() == null) {
            return value;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        String normalized = scheme.equals("http") || scheme.equals("https") ? host : unsplit(scheme, host);
        return uri.getPort() >= 0 ? normalized + ":" + uri.getPort() : normalized;
    }

    private static boolean isLocal(String uri) {
        return uri.isEmpty() || uri.equals("self") || uri.equals("'self'");
    }

    private static String unsplit(String scheme, String host) {
        if (!host.isEmpty() || HOST_SCHEMES.contains(scheme)) {
            return scheme + "://" + host;
        }
        return scheme.isEmpty() ? "" : scheme + ":" + host;
    }

    private String source(String value, String document) {
        if (Set.of("'none'", "'self'", "'unsafe-inline'", "'unsafe-eval'").contains(value)) {
            return value;
        }
        if (value.matches("(?:data|mediastream|blob|filesystem|http|https|file):.*")) {
            return document.equals(normalizeUri(value)) ? "'self'" : value;
        }
        if (value.equals(document)) {
            return "'self'";
        }
        String scheme = documentUri() == null || !documentUri().contains(":") ? null
                : documentUri().substring(0, documentUri().indexOf(':'));
        return scheme == null || scheme.equals("http") || scheme.equals("https") ? value : unsplit(scheme, value);
    }

    private static String directive(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return DIRECTIVES.contains(name) ? name : null;
    }

    private static String first(ObjectNode raw, String... names) {
        for (String name : names) {
            String value = Json.scalar(raw.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void text(ObjectNode raw, ObjectNode fields, String field, String... names) {
        String value = first(raw, names);
        if (value == null) {
            value = Json.scalar(raw.get(field));
        }
        Json.putOrRemove(fields, field, value);
    }

    private static void number(ObjectNode raw, ObjectNode fields, String field, String... names) {
        String value = first(raw, names);
        value = value == null ? Json.scalar(raw.get(field)) : value;
        if (value != null && value.strip().matches("\\d{1,9}")) {
            fields.put(field, Integer.parseInt(value.strip()));
        }
    }
}
