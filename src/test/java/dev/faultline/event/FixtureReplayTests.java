package dev.faultline.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.faultline.support.Eventually;
import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.Stored;
import dev.faultline.support.TestProjects;
import dev.faultline.support.WireCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads real SDKs sent, replayed through the ingest endpoints and digested: the issue each one makes must read
 * as open-source Sentry showed it for the same input (title, culprit, type and metadata).
 */
@IntegrationTest
class FixtureReplayTests {

    private static final Path GLITCHTIP = WireCapture.FIXTURES.resolve("glitchtip");
    private static final Path SENTRY_JAVA = WireCapture.FIXTURES.resolve("sentry-java");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject project;

    @BeforeEach
    void aProject() {
        project = new TestProjects(context).create("replay");
    }

    static Stream<String> incomingEvents() throws IOException {
        try (Stream<Path> files = Files.list(GLITCHTIP.resolve("incoming_events"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("incomingEvents")
    void anEventStoredAsAnSdkSentItReadsAsSentryShowedIt(String fixture) {
        var response = ingest().post("store", read(GLITCHTIP.resolve("incoming_events").resolve(fixture)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Issues.Row issue = onlyIssue();
        JsonNode sentry = JSON.readTree(read(GLITCHTIP.resolve("oss_sentry_events").resolve(fixture)));
        assertThat(issue.title()).isEqualTo(sentry.get("title").asString());
        assertThat(issue.type()).isEqualTo(sentry.get("type").asString());
        if (fixture.equals("js_error_with_context.json")) {
            // Sentry saw this event with one more frame (errorWithContext) than the stored payload has.
            assertThat(issue.culprit()).isEqualTo("globalZoneAwareCallback(/polyfills.js)");
            return;
        }
        assertThat(issue.culprit()).isEqualTo(sentry.get("culprit").asString());
        assertThat(metadata(issue)).isEqualTo(sentry.get("metadata"));
    }

    @Test
    void envelopesTheDjangoAndAngularSdksSent() {
        for (String fixture : List.of("django_message.json", "js_angular_message.json")) {
            var response = ingest().envelope(envelopeOfJsonArray(read(GLITCHTIP.resolve("envelopes").resolve(fixture))));
            assertThat(response.statusCode()).as(fixture + ": " + response.body()).isEqualTo(200);
        }

        List<Issues.Row> issues = Eventually.await(() -> Issues.of(jdbc, project.id()), rows -> rows.size() == 2,
                Duration.ofSeconds(10));
        assertThat(issues).filteredOn(issue -> issue.type().equals("default")).singleElement()
                .extracting(Issues.Row::title).isEqualTo("Page not found!");
        assertThat(issues).filteredOn(issue -> issue.type().equals("error")).singleElement()
                .extracting(Issues.Row::title).asString().startsWith("EvalError: MDN says \"EvalError is not used");
    }

    @Test
    void aDjangoTransactionIsStoredAsPerformanceDataNotAsAnIssue() {
        var response = ingest().envelope(envelopeOfJsonArray(read(GLITCHTIP.resolve("transactions/django_simple.json"))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Eventually.count(() -> Stored.count(jdbc, "transactions", project.id()), 1);
        assertThat(jdbc.sql("SELECT name || ' ' || op FROM transactions WHERE project_id = ?").param(project.id())
                .query(String.class).single()).isEqualTo("/ http.server");
        assertThat(Issues.of(jdbc, project.id())).isEmpty();
    }

    @Test
    void aBrowsersCspReportBecomesACspIssue() {
        var response = ingest().header("Content-Type", "application/csp-report")
                .post("security", read(GLITCHTIP.resolve("csp/mozilla_example.json")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Issues.Row issue = onlyIssue();
        assertThat(issue.type()).isEqualTo("csp");
        assertThat(issue.title()).isEqualTo("Blocked 'style' from 'example.com'");
        assertThat(issue.culprit()).isEqualTo("style-src-elem");
    }

    @Test
    void theJavaSdksEnvelopesAndEvents() {
        for (String fixture : List.of("envelope-feedback.txt", "envelope-session-start.txt",
                "envelope-transaction.txt", "envelope_session.txt")) {
            var response = ingest().post("envelope", read(SENTRY_JAVA.resolve(fixture)));
            assertThat(response.statusCode()).as(fixture + ": " + response.body()).isEqualTo(200);
        }
        for (String fixture : List.of("event.json", "sentry_event.json")) {
            var response = ingest().post("store", read(SENTRY_JAVA.resolve(fixture)));
            assertThat(response.statusCode()).as(fixture + ": " + response.body()).isEqualTo(200);
        }

        Eventually.count(() -> Issues.eventCount(jdbc, project.id()), 2);
        Eventually.count(() -> Stored.count(jdbc, "transactions", project.id()), 1);
        assertThat(Stored.count(jdbc, "user_feedback", project.id())).isEqualTo(1);
        assertThat(Stored.eventIds(jdbc, project.id())).containsExactlyInAnyOrder("afcb46b1140ade5187c4bbb5daa804df",
                "087be0b0f5de424f62fc21adbf8d8dcf", "3367f5196c494acaae85bbbd535379ac");
    }

    @Test
    void checkInsAndLogsAreReadPastAndAnEventOfOddContextsIsKept() {
        String envelope = "{}\n"
                + item("check_in", SENTRY_JAVA.resolve("checkin_crontab.json"))
                + item("check_in", SENTRY_JAVA.resolve("checkin_interval.json"))
                + item("log", SENTRY_JAVA.resolve("sentry_logs.json"));
        var skipped = ingest().envelope(envelope);
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.body()).isEqualTo("{}");

        var event = ingest().post("store", read(SENTRY_JAVA.resolve("event_with_contexts.json")));
        assertThat(event.statusCode()).as(event.body()).isEqualTo(200);

        assertThat(onlyIssue().title()).isEqualTo("<unlabeled event>");
        assertThat(Stored.eventIds(jdbc, project.id())).hasSize(1);
    }

    @Test
    void anEnvelopeWhoseEventIsCutShortIsRefusedWithItsAttachments() {
        // The Java SDK's own test envelope: the event's length ends it before its closing brace.
        var response = ingest().post("envelope", read(SENTRY_JAVA.resolve("envelope-event-attachment.txt")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The event is not valid JSON");
        assertThat(Stored.count(jdbc, "event_attachments", project.id())).isZero();
        assertThat(Stored.eventIds(jdbc, project.id())).isEmpty();
    }

    @Test
    void anAttachmentWithNoEventToBelongToIsRefused() {
        var response = ingest().post("envelope", read(SENTRY_JAVA.resolve("envelope_attachment.txt")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("event_id");
        assertThat(Stored.count(jdbc, "event_attachments", project.id())).isZero();
    }

    /** An envelope item of this type holding the file's JSON, on one line. */
    private static String item(String type, Path file) {
        return "{\"type\":\"" + type + "\"}\n" + JSON.writeValueAsString(JSON.readTree(read(file))) + "\n";
    }

    private Ingest ingest() {
        return Ingest.to(port, project.id()).key(project.publicKey());
    }

    private Issues.Row onlyIssue() {
        return Eventually.await(() -> Issues.of(jdbc, project.id()), rows -> rows.size() == 1, Duration.ofSeconds(10))
                .getFirst();
    }

    private JsonNode metadata(Issues.Row issue) {
        return JSON.readTree(jdbc.sql("SELECT metadata::text FROM issues WHERE id = ?").param(issue.id())
                .query(String.class).single());
    }

    /**
     * GlitchTip keeps its envelopes as a JSON array of header, item header, payload...; SDKs send them as lines. The
     * payloads are written anew, so the lengths their item headers gave no longer hold and are left out.
     */
    private static String envelopeOfJsonArray(byte[] array) {
        StringBuilder envelope = new StringBuilder();
        JsonNode parts = JSON.readTree(array);
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = parts.get(i);
            if (i % 2 == 1) {
                ((ObjectNode) part).remove("length");
            }
            envelope.append(JSON.writeValueAsString(part)).append('\n');
        }
        return envelope.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
