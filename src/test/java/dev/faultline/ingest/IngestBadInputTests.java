package dev.faultline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Stored;
import dev.faultline.support.TestProjects;
import dev.faultline.support.WireCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input: each refused with its status and a {@code detail}, nothing of it stored, and the server still serving
 * the next request. Then a few thousand mutated envelopes, none of which may cause a 5xx.
 */
@IntegrationTest
class IngestBadInputTests {

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

    private void refused(HttpResponse<String> response, int status, String detailStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith("{\"detail\":\"" + detailStart);
        assertThat(response.headers().firstValue("X-Sentry-Error")).isPresent();
        assertThat(Stored.eventIds(jdbc, project.id())).isEmpty();
        assertThat(ingest().newConnection().envelope(Ingest.eventEnvelope(EVENT_ID, EVENT)).statusCode())
                .as("the next request is served").isEqualTo(200);
        jdbc.sql("DELETE FROM intake").update();
        jdbc.sql("DELETE FROM events").update();
    }

    @Test
    void anEventThatIsNotJson() {
        refused(ingest().envelope(Ingest.eventEnvelope(EVENT_ID, "this is not json")), 400,
                "The event is not valid JSON");
        refused(ingest().envelope(Ingest.eventEnvelope(EVENT_ID, "[1, 2, 3]")), 400, "The event is not a JSON object");
        refused(ingest().envelope("not an envelope header\n"), 400, "The envelope header is not valid JSON");
        refused(ingest().envelope(""), 400, "The envelope is empty");
        refused(ingest().post("store", "{\"message\": ".getBytes(StandardCharsets.UTF_8)), 400,
                "The event is not valid JSON");
    }

    @Test
    void aTruncatedGzipBody() throws IOException {
        byte[] gzip = gzip(Ingest.eventEnvelope(EVENT_ID, EVENT).getBytes(StandardCharsets.UTF_8));
        refused(ingest().header("Content-Encoding", "gzip").post("envelope", Arrays.copyOf(gzip, gzip.length / 2)),
                400, "The request body could not be read");
        refused(ingest().header("Content-Encoding", "gzip").post("envelope", "plain text".getBytes(StandardCharsets.UTF_8)),
                400, "The request body is not valid gzip");
    }

    @Test
    void itemLengthsThatDoNotFit() {
        String tooLong = "{\"event_id\":\"" + EVENT_ID + "\"}\n{\"type\":\"event\",\"length\":500}\n" + EVENT + "\n";
        refused(ingest().envelope(tooLong), 400, "The envelope ends inside an item");
        String negative = "{\"event_id\":\"" + EVENT_ID + "\"}\n{\"type\":\"event\",\"length\":-4}\n" + EVENT + "\n";
        refused(ingest().envelope(negative), 400, "An envelope item's length must be a whole number");
        String noType = "{\"event_id\":\"" + EVENT_ID + "\"}\n{\"length\":2}\n{}\n";
        refused(ingest().envelope(noType), 400, "An envelope item header has no type");
    }

    @Test
    void jsonNestedTenThousandDeep() {
        String deep = "{\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        refused(ingest().envelope(Ingest.eventEnvelope(EVENT_ID, deep)), 400, "The event is not valid JSON");
    }

    @Test
    void aFiftyMegabyteString() throws IOException {
        String huge = "{\"message\":\"" + "x".repeat(50 * 1024 * 1024) + "\"}";
        refused(ingest().header("Content-Encoding", "gzip").post("envelope",
                gzip(Ingest.eventEnvelope(EVENT_ID, huge).getBytes(StandardCharsets.UTF_8))), 413, "The event item has");
        refused(ingest().header("Content-Encoding", "gzip").post("envelope",
                gzip(("{\"event_id\":\"" + EVENT_ID + "\"}\n{\"type\":\"event\"}\n" + huge + "\n")
                        .getBytes(StandardCharsets.UTF_8))), 413, "The event item is longer than");
    }

    /** 200 MiB that compress to a few hundred KiB, inside an item that is read past rather than kept. */
    @Test
    void aDecompressionBomb() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write("{}\n{\"type\":\"session\"}\n".getBytes(StandardCharsets.UTF_8));
            byte[] filler = new byte[1024 * 1024];
            Arrays.fill(filler, (byte) 'a');
            for (int i = 0; i < 200; i++) {
                gzip.write(filler);
            }
        }
        assertThat(out.size()).isLessThan(1024 * 1024);
        refused(ingest().header("Content-Encoding", "gzip").post("envelope", out.toByteArray()), 413,
                "The request body is larger than");
    }

    /** An attachment of 65 MiB (within the 100 MiB decompressed) is more than a request may hold: 413, not 429. */
    @Test
    void anAttachmentLargerThanWhatARequestMayHold() throws IOException {
        int length = 65 * 1024 * 1024;
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(("{\"event_id\":\"" + EVENT_ID + "\"}\n{\"type\":\"event\"}\n" + EVENT + "\n"
                    + "{\"type\":\"attachment\",\"length\":" + length + ",\"filename\":\"core.dmp\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            gzip.write(new byte[length]);
            gzip.write('\n');
        }
        refused(ingest().header("Content-Encoding", "gzip").post("envelope", out.toByteArray()), 413,
                "The request holds");
    }

    @Test
    void aBodyLargerThanTwentyMegabytes() {
        byte[] body = new byte[21 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        refused(ingest().post("envelope", body), 413, "The request body has");
    }

    @Test
    void anUnknownProjectOrAMissingKey() {
        refused(Ingest.to(port, 999_999).key(project.publicKey()).envelope(Ingest.eventEnvelope(EVENT_ID, EVENT)), 403,
                "DSN key");
        refused(Ingest.to(port, project.id()).envelope(Ingest.eventEnvelope(EVENT_ID, EVENT)), 401, "No DSN key");
    }

    @Test
    void thousandsOfMutatedEnvelopesCauseNoServerError() {
        String[] seeds = {
                Ingest.eventEnvelope(EVENT_ID, EVENT),
                "{\"event_id\":\"" + EVENT_ID + "\",\"sent_at\":\"2026-01-01T00:00:00Z\"}\n"
                        + "{\"type\":\"event\"}\n{\"exception\":{\"values\":[{\"type\":\"E\",\"value\":\"v\"}]}}\n"
                        + "{\"type\":\"attachment\",\"length\":3,\"filename\":\"a\"}\nabc\n",
                "{}\n{\"type\":\"session\"}\n{\"sid\":\"1\"}\n{\"type\":\"transaction\"}\n{\"type\":\"transaction\","
                        + "\"transaction\":\"/\",\"start_timestamp\":1,\"timestamp\":2}\n",
                "{\"event_id\":\"" + EVENT_ID + "\"}\n{\"type\":\"user_report\"}\n{\"event_id\":\"" + EVENT_ID
                        + "\",\"comments\":\"x\"}\n"};
        var random = new Random(42);
        int serverErrors = 0;
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            byte[] envelope = mutate(seeds[i % seeds.length].getBytes(StandardCharsets.UTF_8), random);
            HttpResponse<String> response = ingest().post("envelope", envelope);
            if (response.statusCode() >= 500) {
                serverErrors++;
                if (examples.length() < 2000) {
                    examples.append(new String(envelope, StandardCharsets.UTF_8)).append(" -> ")
                            .append(response.body()).append('\n');
                }
            }
        }
        assertThat(serverErrors).as(examples.toString()).isZero();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = Arrays.copyOf(seed, seed.length);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int position = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[position] = (byte) random.nextInt(256);
                case 1 -> bytes[position] = (byte) "{}[]\":,\n0123456789".charAt(random.nextInt(18));
                case 2 -> bytes = Arrays.copyOf(bytes, position + 1);
                case 3 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, position);
                    longer[position] = (byte) "\n{\"-".charAt(random.nextInt(4));
                    System.arraycopy(bytes, position, longer, position + 1, bytes.length - position);
                    bytes = longer;
                }
                default -> bytes[position] = (byte) '9';
            }
        }
        return bytes;
    }

    private static byte[] gzip(byte[] data) {
        return WireCapture.gzip(data);
    }
}
