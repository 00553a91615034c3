package dev.faultline.ingest;

import java.net.URI;
import java.util.UUID;

/**
 * A project key as a Sentry DSN, {@code scheme://public_key@host[:port][/path]/project_id}, and the endpoints SDKs
 * derive from it. The base URL is {@code GLITCHTIP_DOMAIN}; a path in it becomes part of every DSN.
 */
public record Dsn(URI baseUrl, UUID publicKey, UUID secretKey, long projectId) {

    /** The 32 hexadecimal digits SDKs send as {@code sentry_key}. */
    public static String keyString(UUID key) {
        return key.toString().replace("-", "");
    }

    public String publicDsn() {
        return withUserInfo(keyString(publicKey));
    }

    /** The legacy form with the secret key, still shown by Sentry's API. */
    public String secretDsn() {
        return withUserInfo(keyString(publicKey) + ":" + keyString(secretKey));
    }

    public String securityEndpoint() {
        return endpoint("security");
    }

    public String cspEndpoint() {
        return endpoint("csp-report");
    }

    public String minidumpEndpoint() {
        return endpoint("minidump");
    }

    private String endpoint(String name) {
        return baseUrl + "/api/" + projectId + "/" + name + "/?sentry_key=" + keyString(publicKey);
    }

    private String withUserInfo(String userInfo) {
        String port = baseUrl.getPort() == -1 ? "" : ":" + baseUrl.getPort();
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceFirst("/+$", "");
        return baseUrl.getScheme() + "://" + userInfo + "@" + baseUrl.getHost() + port + path + "/" + projectId;
    }
}
