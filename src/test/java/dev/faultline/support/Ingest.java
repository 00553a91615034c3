package dev.faultline.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw requests to the ingest endpoints, for the cases real SDKs never produce (and a few they do). */
public final class Ingest {

    private static final HttpClient SHARED = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final long projectId;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String query = "";
    private boolean chunked;
    private HttpClient client = SHARED;

    private Ingest(int port, long projectId) {
        this.port = port;
        this.projectId = projectId;
    }

    public static Ingest to(int port, long projectId) {
        return new Ingest(port, projectId);
    }

    /** Authenticates the usual way, with {@code X-Sentry-Auth}. */
    public Ingest key(String publicKey) {
        return header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=test/1.0, sentry_key=" + publicKey);
    }

    public Ingest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Ingest query(String query) {
        this.query = "?" + query;
        return this;
    }

    /** On a connection of its own: after the server closed one mid-request, a pooled one may be stale. */
    public Ingest newConnection() {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return this;
    }

    public Ingest chunked() {
        this.chunked = true;
        return this;
    }

    public HttpResponse<String> envelope(String body) {
        return post("envelope", body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String endpoint, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/" + projectId + "/"
                        + endpoint + "/" + query))
                .timeout(Duration.ofSeconds(60))
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> options(String endpoint) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/" + projectId + "/"
                + endpoint + "/")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers",
                        "x-sentry-auth, content-type, content-encoding, authorization, baggage, sentry-trace");
        return send(request.build());
    }

    /** An envelope with one event item: header line, item header with its length, payload. */
    public static String eventEnvelope(String eventId, String eventJson) {
        int length = eventJson.getBytes(StandardCharsets.UTF_8).length;
        return "{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\",\"length\":" + length + "}\n" + eventJson + "\n";
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
