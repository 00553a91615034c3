package dev.faultline.event;

import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code user} interface, and the user's IP address as relay fills it in. */
final class Users {

    /** Relay's limit for e-mail addresses (Sentry's column). */
    static final int MAX_EMAIL_CHARS = 75;
    static final int MAX_NAME_CHARS = 128;

    private static final Set<String> FIELDS = Set.of("id", "email", "ip_address", "username", "name", "geo",
            "segment", "data", "sentry_user");
    /** Browser and mobile SDKs cannot know the client's address, so relay takes the request's for them. */
    private static final Set<String> CLIENT_PLATFORMS = Set.of("javascript", "cocoa", "objc");

    private Users() {
    }

    static void normalize(ObjectNode event, String clientIp) {
        ObjectNode user = Json.object(event.get("user"));
        if (user != null) {
            fields(user);
        }
        String ip = ipAddress(user, clientIp);
        String remoteAddress = remoteAddress(event, clientIp);
        if (ip == null && remoteAddress != null) {
            ip = remoteAddress;
        }
        String platform = String.valueOf(Json.string(event.get("platform")));
        if (ip == null && IpAddresses.isIp(clientIp) && (CLIENT_PLATFORMS.contains(platform) || event.has("csp"))) {
            ip = clientIp;
        }
        if (ip != null) {
            user = user == null ? Json.NODES.objectNode() : user;
            user.put("ip_address", ip);
        } else if (user != null) {
            user.remove("ip_address");
        }
        if (user == null || user.isEmpty()) {
            event.remove("user");
        } else {
            event.set("user", user);
        }
    }

    /** Relay moves fields it does not know into {@code data}. */
    private static void fields(ObjectNode user) {
        ObjectNode data = Json.object(user.get("data"));
        for (Map.Entry<String, JsonNode> field : Json.entries(user)) {
            if (!FIELDS.contains(field.getKey())) {
                data = data == null ? Json.NODES.objectNode() : data;
                data.set(field.getKey(), field.getValue());
                user.remove(field.getKey());
            }
        }
        JsonNode trimmed = data == null ? null : Trimming.bag(data, Trimming.Bag.MEDIUM);
        if (trimmed == null || trimmed.isEmpty()) {
            user.remove("data");
        } else {
            user.set("data", trimmed);
        }
        Json.putOrRemove(user, "id", Json.cut(Json.scalar(user.get("id")), MAX_NAME_CHARS));
        Json.putOrRemove(user, "email", Json.cut(Json.nonBlank(user.get("email")), MAX_EMAIL_CHARS));
        Json.putOrRemove(user, "username", Json.cut(Json.nonBlank(user.get("username")), MAX_NAME_CHARS));
        Json.putOrRemove(user, "name", Json.cut(Json.nonBlank(user.get("name")), MAX_NAME_CHARS));
        Json.putOrRemove(user, "segment", Json.cut(Json.nonBlank(user.get("segment")), MAX_NAME_CHARS));
        if (user.has("geo") && !user.get("geo").isObject()) {
            user.remove("geo");
        }
    }

    /** The user's address with {@code {{auto}}} resolved; null when absent or not an address. */
    private static String ipAddress(ObjectNode user, String clientIp) {
        String ip = user == null ? null : Json.string(user.get("ip_address"));
        if (IpAddresses.AUTO.equals(ip)) {
            ip = clientIp;
        }
        return IpAddresses.isIp(ip) ? ip : null;
    }

    /** The WSGI environment's REMOTE_ADDR, which Python SDKs send, with {@code {{auto}}} resolved. */
    private static String remoteAddress(ObjectNode event, String clientIp) {
        ObjectNode env = Json.object(event.path("request").get("env"));
        String address = env == null ? null : Json.string(env.get("REMOTE_ADDR"));
        if (IpAddresses.AUTO.equals(address) && clientIp != null) {
            env.put("REMOTE_ADDR", clientIp);
            address = clientIp;
        }
        return IpAddresses.isIp(address) ? address : null;
    }
}
