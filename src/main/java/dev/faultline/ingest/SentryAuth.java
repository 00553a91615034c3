package dev.faultline.ingest;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where SDKs put their DSN's public key: {@code X-Sentry-Auth: Sentry sentry_key=...} (with or without spaces),
 * {@code Authorization: Sentry ...}, the query's {@code sentry_key} or {@code glitchtip_key}, or the {@code dsn} of
 * the envelope header.
 */
final class SentryAuth {

    private SentryAuth() {
    }

    /** The key named by the request's headers or query, or null when it names none. */
    static String publicKey(HttpServletRequest request) {
        String header = request.getHeader("X-Sentry-Auth");
        if (header == null) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Sentry ", 0, 7)) {
                header = authorization;
            }
        }
        if (header != null) {
            String key = fromAuthHeader(header);
            if (key != null) {
                return key;
            }
        }
        // Read from the raw query: getParameter() could consume a form-encoded body.
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals == -1 ? pair : pair.substring(0, equals);
                if (equals != -1 && (name.equals("sentry_key") || name.equals("glitchtip_key"))) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    static String fromAuthHeader(String header) {
        String value = header.strip();
        if (value.regionMatches(true, 0, "Sentry", 0, 6)) {
            value = value.substring(6);
        }
        for (String part : value.split(",")) {
            int equals = part.indexOf('=');
            if (equals != -1 && part.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("sentry_key")) {
                return part.substring(equals + 1).strip();
            }
        }
        return null;
    }

    /** The public key in a DSN such as {@code https://key@host/1}, or null. */
    static String fromDsn(String dsn) {
        if (dsn == null) {
            return null;
        }
        try {
            String userInfo = URI.create(dsn).getUserInfo();
            if (userInfo == null) {
                return null;
            }
            int colon = userInfo.indexOf(':');
            return colon == -1 ? userInfo : userInfo.substring(0, colon);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** 32 hexadecimal digits, with or without a UUID's dashes; anything else is null. */
    static UUID parseKey(String key) {
        if (key == null) {
            return null;
        }
        String hex = key.strip().replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 32 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return null;
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
