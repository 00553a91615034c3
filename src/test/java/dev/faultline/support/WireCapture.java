package dev.faultline.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A whole HTTP request captured from a real client (src/test/fixtures/wire, copied from the shared fixtures): request line, headers, and the body
 * as it was after decoding. Replayed to our server with the project and key swapped in and the body re-compressed as
 * the client had sent it; chunked when the client sent it chunked.
 */
public record WireCapture(String method, String target, Map<String, String> headers, byte[] body) {

    public static final Path FIXTURES = Path.of("src", "test", "fixtures");
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "accept-encoding");
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static WireCapture read(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int marker = text.indexOf("\n-- raw bytes ");
            int bodyStart = text.indexOf('\n', marker + 1) + 1;
            String[] head = text.substring(0, marker).split("\n");
            String[] requestLine = head[0].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip(), head[i].substring(colon + 1).strip());
            }
            byte[] body = Arrays.copyOfRange(all, bodyStart, all.length);
            return new WireCapture(requestLine[0], requestLine[1], headers, body);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** Replays the capture against our project: its key replaces the captured {@code publickey123}. */
    public HttpResponse<String> replay(int port, long projectId, String publicKey) {
        String path = target.replaceFirst("^/api/\\d+/", "/api/" + projectId + "/").replace("publickey123", publicKey);
        byte[] plain = new String(body, StandardCharsets.UTF_8).replace("publickey123", publicKey)
                .getBytes(StandardCharsets.UTF_8);
        boolean gzip = "gzip".equalsIgnoreCase(header("Content-Encoding"));
        byte[] sent = gzip ? gzip(plain) : plain;
        boolean chunked = "chunked".equalsIgnoreCase(header("Transfer-Encoding"));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sent))
                        : HttpRequest.BodyPublishers.ofByteArray(sent));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value.replace("publickey123", publicKey));
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
