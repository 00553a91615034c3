package dev.faultline.event;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code request} interface as relay normalizes it: query and fragment split off the URL, headers, query and
 * cookies as lists of {@code [name, value]} pairs, the Cookie header parsed into cookies, string bodies parsed.
 */
final class Requests {

    /** Relay's limit for URLs, a path-sized field. */
    static final int MAX_URL_CHARS = Stacktraces.MAX_PATH_CHARS;

    private Requests() {
    }

    static void normalize(ObjectNode event) {
        ObjectNode request = Json.object(event.get("request"));
        if (request == null) {
            event.remove("request");
            return;
        }
        method(request);
        url(request);
        pairs(request, "headers", true);
        pairs(request, "query_string", false);
        cookies(request);
        data(request);
        if (request.has("env") && !request.get("env").isObject()) {
            request.remove("env");
        }
        Json.putOrRemove(request, "fragment", Json.nonBlank(request.get("fragment")));
    }

    /** The value of the first header with that name, in any case; null when there is none. */
    static String header(ObjectNode request, String name) {
        for (JsonNode pair : Json.values(request == null ? null : request.get("headers"))) {
            if (name.equalsIgnoreCase(Json.string(pair.get(0)))) {
                return Json.string(pair.get(1));
            }
        }
        return null;
    }

    private static void method(ObjectNode request) {
        String method = Json.string(request.get("method"));
        method = method == null ? null : method.strip().toUpperCase(Locale.ROOT);
        Json.putOrRemove(request, "method", method != null && method.matches("[A-Z_-]{3,32}") ? method : null);
    }

    private static void url(ObjectNode request) {
        String url = Json.nonBlank(request.get("url"));
        if (url == null) {
            request.remove("url");
            return;
        }
        int hash = url.indexOf('#');
        if (hash >= 0) {
            if (!request.has("fragment") && hash + 1 < url.length()) {
                request.put("fragment", url.substring(hash + 1));
            }
            url = url.substring(0, hash);
        }
        int question = url.indexOf('?');
        if (question >= 0) {
            JsonNode query = request.get("query_string");
            if (query == null || query.isNull() || "".equals(Json.string(query))) {
                request.put("query_string", url.substring(question + 1));
            }
            url = url.substring(0, question);
        }
        Json.putOrRemove(request, "url", url.isBlank() ? null : Json.cut(url, MAX_URL_CHARS));
    }

    /** Turns an object, a list of pairs or (for the query) a string into a list of string pairs. */
    private static void pairs(ObjectNode request, String name, boolean headerNames) {
        JsonNode node = request.get(name);
        List<ArrayNode> pairs = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                addPairs(pairs, entry.getKey(), entry.getValue());
            }
            // Relay reads objects into sorted maps; sorting keeps the stored order the same for every SDK.
            pairs.sort(Comparator.comparing(pair -> pair.get(0).stringValue()));
        } else if (node instanceof ArrayNode list) {
            for (JsonNode item : list) {
                if (item.isArray() && item.size() == 2 && Json.scalar(item.get(0)) != null) {
                    addPairs(pairs, Json.scalar(item.get(0)), item.get(1));
                } else if (item.isObject() && Json.scalar(item.get("key")) != null) {
                    addPairs(pairs, Json.scalar(item.get("key")), item.get("value"));
                }
            }
        } else if (Json.string(node) != null) {
            pairs.addAll(parseQuery(Json.string(node)));
        }
        if (pairs.isEmpty()) {
            request.remove(name);
            return;
        }
        if (headerNames) {
            pairs.forEach(pair -> pair.set(0, Json.NODES.stringNode(headerName(pair.get(0).stringValue()))));
        }
        request.set(name, Json.arrayOf(pairs));
    }

    private static void addPairs(List<ArrayNode> pairs, String key, JsonNode value) {
        if (value instanceof ArrayNode values) {
            values.forEach(item -> addPairs(pairs, key, item));
        } else if (Json.scalar(value) != null) {
            pairs.add(Json.pair(key, Json.scalar(value)));
        }
    }

    /** Header names in relay's canonical case: {@code x-forwarded-for} becomes {@code X-Forwarded-For}. */
    private static String headerName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.strip().toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return out.toString();
    }

    static List<ArrayNode> parseQuery(String query) {
        List<ArrayNode> pairs = new ArrayList<>();
        String text = query.startsWith("?") ? query.substring(1) : query;
        for (String part : text.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String key = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            pairs.add(Json.pair(decode(key), decode(value)));
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Cookies from the {@code cookies} field or else the Cookie header, which is then dropped as relay does. */
    private static void cookies(ObjectNode request) {
        String header = header(request, "Cookie");
        if (!request.has("cookies") && header != null) {
            request.put("cookies", header);
        }
        JsonNode cookies = request.get("cookies");
        if (Json.string(cookies) != null) {
            List<ArrayNode> pairs = new ArrayList<>();
            for (String part : Json.string(cookies).split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    pairs.add(Json.pair(part.substring(0, equals).strip(), part.substring(equals + 1).strip()));
                }
            }
            request.set("cookies", Json.arrayOf(pairs));
        }
        pairs(request, "cookies", false);
        ArrayNode headers = Json.array(request.get("headers"));
        if (headers != null) {
            headers.removeIf(pair -> "Cookie".equals(pair.get(0).stringValue()));
            if (headers.isEmpty()) {
                request.remove("headers");
            }
        }
    }

    /** A string body that is JSON or a form is stored parsed, as relay does, so it can be scrubbed field by field. */
    private static void data(ObjectNode request) {
        JsonNode data = request.get("data");
        String body = Json.string(data);
        String inferred = null;
        if (body != null) {
            JsonNode parsed = parseJson(body);
            if (parsed != null) {
                request.set("data", parsed);
                inferred = "application/json";
            } else if (isForm(body)) {
                ObjectNode form = Json.NODES.objectNode();
                parseQuery(body).forEach(pair -> form.set(pair.get(0).stringValue(), pair.get(1)));
                request.set("data", form);
                inferred = "application/x-www-form-urlencoded";
            }
        }
        if (inferred == null) {
            String contentType = header(request, "Content-Type");
            inferred = contentType == null ? null : contentType.split(";", 2)[0].strip();
        }
        Json.putOrRemove(request, "inferred_content_type", inferred);
        JsonNode trimmed = request.has("data") ? Trimming.bag(request.get("data"), Trimming.Bag.LARGE) : null;
        if (trimmed == null || trimmed.isNull()) {
            request.remove("data");
        } else {
            request.set("data", trimmed);
        }
    }

    private static JsonNode parseJson(String body) {
        String text = body.strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return null;
        }
        try {
            return JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Relay's guard against reading any word as a form: a single field needs a value. */
    private static boolean isForm(String body) {
        if (!body.chars().allMatch(c -> c < 128) || body.startsWith("<?xml") || body.contains(" ")) {
            return false;
        }
        List<ArrayNode> pairs = parseQuery(body);
        return pairs.size() > 1
                || pairs.size() == 1 && !List.of("", "=").contains(pairs.getFirst().get(1).stringValue());
    }
}
