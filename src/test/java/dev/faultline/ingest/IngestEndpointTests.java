package dev.faultline.ingest;

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
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Stored;
import dev.faultline.support.TestProjects;
import dev.faultline.support.WireCapture;
import io.airlift.compress.zstd.ZstdOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest endpoints as SDKs meet them: what they accept, in every form, and how they refuse. */
@IntegrationTest
class IngestEndpointTests {

    private static final String EVENT_ID = "0123456789abcdef0123456789abcdef";
    private static final String EVENT = "{\"message\":\"hello\",\"level\":\"error\"}";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject project;

    @BeforeEach
    void aProject() {
        project = new TestProjects(context).create("shop");
    }

    private Ingest ingest() {
        return Ingest.to(port, project.id()).key(project.publicKey());
    }

    @Test
    void everyWireCaptureOfARealClientIsAccepted() throws IOException {
        List<Path> captures;
        try (Stream<Path> files = Stream.of("java", "node", "python-1.9.10")
                .flatMap(dir -> list(WireCapture.FIXTURES.resolve("wire").resolve(dir)))) {
            captures = files.sorted().toList();
        }
        assertThat(captures).hasSizeGreaterThanOrEqualTo(11);
        int events = 0;
        for (Path file : captures) {
            WireCapture capture = WireCapture.read(file);
            HttpResponse<String> response = capture.replay(port, project.id(), project.publicKey());
            assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(200);
            String body = new String(capture.body(), StandardCharsets.UTF_8);
            boolean carriesEvent = body.contains("\"type\":\"event\"") || body.contains("\"type\":\"transaction\"")
                    || capture.target().contains("/store/");
            if (body.contains("\"type\":\"span\"")) {
                events++; // the segment span, which digest makes a transaction of
            }
            if (carriesEvent) {
                events++;
                assertThat(JsonMapper.shared().readTree(response.body()).path("id").asString()).as(file.toString())
                        .matches("[0-9a-f]{32}");
            }
            else {
                assertThat(response.body()).as(file.toString()).isEqualTo("{}");
            }
        }
        assertThat(Stored.eventIds(jdbc, project.id())).hasSize(events);
    }

    private static Stream<Path> list(Path directory) {
        try {
            return Files.list(directory).filter(path -> path.toString().endsWith(".txt")).toList().stream();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theKeyIsReadFromEveryPlaceSdksPutIt() {
        String key = project.publicKey();
        var variants = List.of(
                Ingest.to(port, project.id()).header("X-Sentry-Auth", "Sentry sentry_key=" + key + ",sentry_version=7"),
                Ingest.to(port, project.id()).header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + key),
                Ingest.to(port, project.id()).header("Authorization", "Sentry sentry_key=" + key),
                Ingest.to(port, project.id()).query("sentry_key=" + key + "&sentry_version=7"),
                Ingest.to(port, project.id()).query("glitchtip_key=" + key));
        for (Ingest variant : variants) {
            assertThat(variant.envelope(Ingest.eventEnvelope(EVENT_ID, EVENT)).statusCode()).isEqualTo(200);
        }
        String withDsn = "{\"event_id\":\"" + EVENT_ID + "\",\"dsn\":\"" + project.dsn(port) + "\"}\n"
                + "{\"type\":\"event\"}\n" + EVENT + "\n";
        assertThat(Ingest.to(port, project.id()).envelope(withDsn).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingUnknownDisabledOrForeignKeyIsRefused() {
        HttpResponse<String> missing = Ingest.to(port, project.id()).envelope(Ingest.eventEnvelope(EVENT_ID, EVENT));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("X-Sentry-Error")).hasValueSatisfying(
                error -> assertThat(error).startsWith("No DSN key"));
        assertThat(missing.body()).contains("\"detail\"");

        assertThat(Ingest.to(port, project.id()).key("not-a-key").envelope(Ingest.eventEnvelope(EVENT_ID, EVENT))
                .statusCode()).isEqualTo(401);
        assertThat(Ingest.to(port, project.id()).key("ffffffffffffffffffffffffffffffff")
                .envelope(Ingest.eventEnvelope(EVENT_ID, EVENT)).statusCode()).isEqualTo(401);

        var other = new TestProjects(context).create("other");
        HttpResponse<String> foreign = Ingest.to(port, project.id()).key(other.publicKey())
                .envelope(Ingest.eventEnvelope(EVENT_ID, EVENT));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("does not belong to project " + project.id());

        jdbc.sql("UPDATE project_keys SET is_active = false WHERE id = ?").param(project.key().id()).update();
        context.publishEvent(new IngestKeys.Changed(project.key().publicKey()));
        HttpResponse<String> disabled = ingest().envelope(Ingest.eventEnvelope(EVENT_ID, EVENT));
        assertThat(disabled.statusCode()).isEqualTo(403);
        assertThat(disabled.body()).contains("is disabled");
        assertThat(Stored.eventIds(jdbc, project.id())).isEmpty();
    }

    @Test
    void bodiesAreDecodedInEveryEncodingSdksUse() throws IOException {
        assertThat(ingest().header("Content-Encoding", "gzip").post("envelope", WireCapture.gzip(newEnvelope()))
                .statusCode()).isEqualTo(200);
        assertThat(ingest().header("Content-Encoding", "deflate").post("envelope", deflate(newEnvelope(), false))
                .statusCode()).isEqualTo(200);
        assertThat(ingest().header("Content-Encoding", "deflate").post("envelope", deflate(newEnvelope(), true))
                .statusCode()).isEqualTo(200);
        assertThat(ingest().header("Content-Encoding", "zstd").post("envelope", zstd(newEnvelope())).statusCode())
                .isEqualTo(200);
        byte[] brotli = Files.readAllBytes(Path.of("src", "test", "resources", "ingest", "envelope.json.br"));
        assertThat(ingest().header("Content-Encoding", "br").post("envelope", brotli).statusCode()).isEqualTo(200);
        assertThat(ingest().header("Content-Encoding", "UTF-8").post("envelope", newEnvelope()).statusCode())
                .isEqualTo(200);
        assertThat(ingest().chunked().post("envelope", newEnvelope()).statusCode()).isEqualTo(200);
        assertThat(ingest().header("Content-Type", "text/plain;charset=UTF-8").post("envelope", newEnvelope())
                .statusCode()).isEqualTo(200);
        assertThat(Stored.eventIds(jdbc, project.id())).doesNotHaveDuplicates().hasSize(8);

        byte[] envelope = newEnvelope();
        var unsupported = ingest().header("Content-Encoding", "compress").post("envelope", envelope);
        assertThat(unsupported.statusCode()).isEqualTo(415);
    }

    @Test
    void storeTakesJsonAndTheBase64OfZlibThatOldSdksSend() throws IOException {
        byte[] json = "{\"event_id\":\"abcdefabcdefabcdefabcdefabcdefab\",\"message\":\"old sdk\"}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> plain = ingest().header("Content-Type", "application/json").post("store", json);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo("{\"id\":\"abcdefabcdefabcdefabcdefabcdefab\"}");
        byte[] encoded = Base64.getEncoder().encode(deflate(json, false));
        assertThat(ingest().post("store", encoded).statusCode()).isEqualTo(200);
    }

    @Test
    void securityReportsAreAccepted() throws IOException {
        byte[] report = Files.readAllBytes(WireCapture.FIXTURES.resolve("glitchtip/csp/mozilla_example.json"));
        HttpResponse<String> response = Ingest.to(port, project.id()).query("sentry_key=" + project.publicKey())
                .header("Content-Type", "application/csp-report").post("security", report);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Ingest.to(port, project.id()).query("sentry_key=" + project.publicKey())
                .post("csp-report", report).statusCode()).isEqualTo(200);
    }

    @Test
    void itemsOfOtherTypesAreReadPastWithoutDroppingTheRest() {
        String envelope = "{\"event_id\":\"" + EVENT_ID + "\"}\n"
                + "{\"type\":\"session\"}\n{\"sid\":\"x\",\"status\":\"ok\"}\n"
                + "{\"type\":\"client_report\",\"length\":2}\n{}\n"
                + "{\"type\":\"replay_recording\",\"length\":5}\nabcde\n"
                + "{\"type\":\"totally_new_type\"}\nwhatever it is\n"
                + "{\"type\":\"event\"}\n" + EVENT + "\n"
                + "{\"type\":\"check_in\"}\n{\"check_in_id\":\"x\"}\n";
        HttpResponse<String> response = ingest().envelope(envelope);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"" + EVENT_ID + "\"}");
        assertThat(Stored.eventIds(jdbc, project.id())).containsExactly(EVENT_ID);
    }

    @Test
    void attachmentsAndFeedbackAreStoredWithTheirEvent() {
        String envelope = "{\"event_id\":\"" + EVENT_ID + "\"}\n"
                + "{\"type\":\"event\"}\n" + EVENT + "\n"
                + "{\"type\":\"attachment\",\"length\":11,\"filename\":\"log.txt\",\"content_type\":\"text/plain\"}\n"
                + "hello world\n"
                + "{\"type\":\"user_report\"}\n{\"event_id\":\"" + EVENT_ID + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\","
                + "\"comments\":\"It broke when I clicked pay\"}\n";
        assertThat(ingest().envelope(envelope).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT name || ':' || convert_from(data, 'UTF8') FROM event_attachments").query(String.class)
                .single()).isEqualTo("log.txt:hello world");
        assertThat(jdbc.sql("SELECT comments FROM user_feedback WHERE event_id = ?::uuid")
                .param("01234567-89ab-cdef-0123-456789abcdef").query(String.class).single())
                .isEqualTo("It broke when I clicked pay");
    }

    @Test
    void browsersGetCorsHeaders() {
        HttpResponse<String> preflight = Ingest.to(port, project.id()).options("envelope");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(headers ->
                assertThat(headers).contains("x-sentry-auth", "content-type", "content-encoding", "authorization",
                        "baggage", "sentry-trace"));
        HttpResponse<String> refused = Ingest.to(port, project.id()).header("Origin", "https://shop.example.com")
                .envelope(Ingest.eventEnvelope(EVENT_ID, EVENT));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(refused.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(headers ->
                assertThat(headers).contains("x-sentry-error", "x-sentry-rate-limits", "retry-after"));
    }

    @Test
    void otherMethodsAreRefusedWithTheOnesAllowed() throws Exception {
        var get = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/"
                + project.id() + "/envelope/")).GET().build();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(get,
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).contains("POST, OPTIONS");
        assertThat(refused.body()).contains("\"detail\":\"Ingest endpoints take POST requests only\"");
    }

    @Test
    void aKeysRateLimitIsEnforcedWithHeadersSdksObey() {
        jdbc.sql("UPDATE project_keys SET rate_limit_count = 2, rate_limit_window_seconds = 3600 WHERE id = ?")
                .param(project.key().id()).update();
        context.publishEvent(new IngestKeys.Changed(project.key().publicKey()));
        assertThat(ingest().envelope(Ingest.eventEnvelope(newEventId(), EVENT)).statusCode()).isEqualTo(200);
        assertThat(ingest().envelope(Ingest.eventEnvelope(newEventId(), EVENT)).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = ingest().envelope(Ingest.eventEnvelope(newEventId(), EVENT));
        assertThat(limited.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(limited.headers().firstValue("X-Sentry-Rate-Limits")).contains(retryAfter + "::key");
        assertThat(Stored.eventIds(jdbc, project.id())).hasSize(2);
    }

    private static byte[] newEnvelope() {
        return Ingest.eventEnvelope(newEventId(), EVENT).getBytes(StandardCharsets.UTF_8);
    }

    private static String newEventId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            deflater.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] zstd(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zstd = new ZstdOutputStream(out)) {
            zstd.write(data);
        }
        return out.toByteArray();
    }
}
