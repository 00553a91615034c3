package dev.faultline.event;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.faultline.support.Eventually;
import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** From acknowledged envelopes to issues: grouping, counting, duplicates, regressions, and rows that cannot be read. */
@IntegrationTest
class DigestTests {

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

    @Test
    void messagesThatDifferOnlyInTheirNumbersAreOneIssue() {
        send(message("user 5 failed"));
        send(message("user 7 failed"));
        send(message("the cart is empty"));

        List<Issues.Row> issues = awaitEvents(3);
        assertThat(issues).hasSize(2);
        assertThat(issues).filteredOn(issue -> issue.timesSeen() == 2).singleElement()
                .extracting(Issues.Row::title).isEqualTo("user 7 failed");
    }

    @Test
    void theSameExceptionFromTheSamePlaceIsOneIssueAndFromAnotherPlaceIsAnother() {
        send(exception("ValueError", "bad order 17", "checkout"));
        send(exception("ValueError", "bad order 18", "checkout"));
        send(exception("ValueError", "bad order 17", "refund"));

        List<Issues.Row> issues = awaitEvents(3);
        assertThat(issues).extracting(Issues.Row::timesSeen).containsExactlyInAnyOrder(2L, 1L);
        assertThat(issues).extracting(Issues.Row::culprit).containsExactlyInAnyOrder("shop.views in checkout",
                "shop.views in refund");
        assertThat(issues).extracting(Issues.Row::type).containsOnly("error");
    }

    @Test
    void anExceptionThrownFromAnotherLineOfTheSameCodeIsTheSameIssueAndAnotherTypeIsAnother() {
        send(exception("ValueError", "bad", "checkout"));
        send(exception("ValueError", "bad", "checkout").replace("\"lineno\":12", "\"lineno\":40"));
        send(exception("KeyError", "bad", "checkout"));

        List<Issues.Row> issues = awaitEvents(3);
        assertThat(issues).extracting(Issues.Row::title, Issues.Row::timesSeen)
                .containsExactlyInAnyOrder(tuple("ValueError: bad", 2L), tuple("KeyError: bad", 1L));
    }

    @Test
    void aChainedExceptionIsGroupedByTheWholeChain() {
        String cause = """
                {"type":"IOException","value":"connection %s reset","module":"java.io","stacktrace":{"frames":[
                  {"module":"shop.Payments","function":"charge","filename":"Payments.java","lineno":20,"in_app":true}]}}""";
        String outer = """
                {"type":"IllegalStateException","value":"checkout failed","module":"java.lang","stacktrace":{"frames":[
                  {"module":"shop.Checkout","function":"run","filename":"Checkout.java","lineno":9,"in_app":true}]}}""";
        String chained = "{\"platform\":\"java\",\"exception\":{\"values\":[" + cause + "," + outer + "]}}";
        send(chained.formatted("1").replace("\n", ""));
        send(chained.formatted("2").replace("\n", ""));
        send("{\"platform\":\"java\",\"exception\":{\"values\":[" + outer.replace("\n", "") + "]}}");

        List<Issues.Row> issues = awaitEvents(3);
        assertThat(issues).extracting(Issues.Row::title, Issues.Row::timesSeen)
                .containsExactlyInAnyOrder(tuple("IllegalStateException: checkout failed", 2L),
                        tuple("IllegalStateException: checkout failed", 1L));
    }

    @Test
    void aFingerprintDecidesTheIssueAndDefaultKeepsTheUsualGroupingWithin() {
        send(exception("ValueError", "x", "checkout").replace("\"level\"", "\"fingerprint\":[\"payments\"],\"level\""));
        send(exception("KeyError", "y", "refund").replace("\"level\"", "\"fingerprint\":[\"payments\"],\"level\""));
        send(exception("ValueError", "x", "checkout")
                .replace("\"level\"", "\"fingerprint\":[\"{{ default }}\",\"eu\"],\"level\""));
        send(exception("ValueError", "x", "checkout"));

        List<Issues.Row> issues = awaitEvents(4);
        assertThat(issues).extracting(Issues.Row::timesSeen).containsExactlyInAnyOrder(2L, 1L, 1L);
    }

    @Test
    void issuesGetShortIdsInTheOrderTheyAppearAndCountTheirUsers() {
        send(message("first problem", "{\"id\":\"u1\"}"));
        awaitEvents(1);
        send(message("second problem", "{\"id\":\"u1\"}"));
        send(message("second problem", "{\"email\":\"ada@example.com\"}"));
        send(message("second problem", "{\"id\":\"u1\"}"));

        List<Issues.Row> issues = awaitEvents(4);
        assertThat(Issues.titled(jdbc, project.id(), "first problem").shortId()).isEqualTo("SHOP-1");
        Issues.Row second = Issues.titled(jdbc, project.id(), "second problem");
        assertThat(second.shortId()).isEqualTo("SHOP-2");
        assertThat(second.timesSeen()).isEqualTo(3);
        assertThat(second.usersSeen()).isEqualTo(2);
        assertThat(issues).extracting(Issues.Row::status).containsOnly("unresolved");
    }

    @Test
    void anEventResentWithTheSameIdIsStoredOnce() {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        String event = message("sent twice").replace("{", "{\"event_id\":\"" + eventId + "\",");
        for (int i = 0; i < 3; i++) {
            assertThat(ingest().envelope(Ingest.eventEnvelope(eventId, event)).statusCode()).isEqualTo(200);
        }
        send(message("a later one"));

        awaitEvents(2);
        assertThat(Issues.titled(jdbc, project.id(), "sent twice").timesSeen()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM events WHERE event_id = ?::uuid").param(eventId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aResolvedIssueThatHappensAgainIsUnresolvedAndMarkedRegressed() {
        send(message("flaky payment"));
        Issues.Row issue = awaitEvents(1).getFirst();
        jdbc.sql("UPDATE issues SET status = 'resolved', resolved_at = now() WHERE id = ?").param(issue.id()).update();

        send(message("flaky payment"));

        Issues.Row again = awaitEvents(2).getFirst();
        assertThat(again.status()).isEqualTo("unresolved");
        assertThat(again.regressed()).isTrue();
        assertThat(again.timesSeen()).isEqualTo(2);
    }

    @Test
    void anIgnoredIssueStaysIgnoredButCounts() {
        send(message("noisy warning"));
        Issues.Row issue = awaitEvents(1).getFirst();
        jdbc.sql("UPDATE issues SET status = 'ignored' WHERE id = ?").param(issue.id()).update();

        send(message("noisy warning"));

        Issues.Row again = awaitEvents(2).getFirst();
        assertThat(again.status()).isEqualTo("ignored");
        assertThat(again.regressed()).isFalse();
    }

    @Test
    void manyEventsAtOnceMakeOneIssueWithEveryEventCounted() throws Exception {
        int events = 300;
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            List<CompletableFuture<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String event = exception("TimeoutError", "request " + i + " timed out", "checkout");
                sent.add(CompletableFuture.supplyAsync(() -> ingest().envelope(envelope(event)).statusCode(),
                        senders));
            }
            assertThat(sent.stream().map(CompletableFuture::join)).containsOnly(200);
        }

        List<Issues.Row> issues = Eventually.await(() -> Issues.of(jdbc, project.id()),
                rows -> rows.size() == 1 && rows.getFirst().timesSeen() == events, Duration.ofSeconds(30));
        assertThat(Issues.eventCount(jdbc, project.id())).isEqualTo(events);
        assertThat(jdbc.sql("SELECT sum(count) FROM issue_hourly_counts WHERE issue_id = ?")
                .param(issues.getFirst().id()).query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void tagsAreCountedPerIssue() {
        send(message("tagged").replace("{", "{\"tags\":{\"browser\":\"Firefox\"},\"environment\":\"staging\","));
        send(message("tagged").replace("{", "{\"tags\":{\"browser\":\"Firefox\"},\"environment\":\"prod\","));
        send(message("tagged").replace("{", "{\"tags\":{\"browser\":\"Chrome\"},\"environment\":\"prod\","));

        long issueId = awaitEvents(3).getFirst().id();
        assertThat(jdbc.sql("""
                        SELECT key || '=' || value || ':' || times_seen FROM issue_tag_values
                        WHERE issue_id = ? AND key IN ('browser', 'environment') ORDER BY 1""")
                .param(issueId).query(String.class).list())
                .containsExactly("browser=Chrome:1", "browser=Firefox:2", "environment=prod:2",
                        "environment=staging:1");
    }

    @Test
    void aProjectRemembersWhenItsFirstEventArrived() {
        assertThat(firstEventAt()).isNull();
        send(message("the first"));
        awaitEvents(1);
        Timestamp first = firstEventAt();
        assertThat(first).isNotNull();

        send(message("the second"));
        awaitEvents(2);
        assertThat(firstEventAt()).isEqualTo(first);
    }

    private Timestamp firstEventAt() {
        return jdbc.sql("SELECT first_event_at FROM projects WHERE id = ?").param(project.id())
                .query(Timestamp.class).optional().orElse(null);
    }

    @Test
    void aRowDigestCannotReadIsSetAsideAndTheRestGoOn() {
        jdbc.sql("""
                        INSERT INTO intake (project_id, kind, event_id, received_at, payload)
                        VALUES (?, 1, gen_random_uuid(), now(), '\\x00010203'::bytea)""")
                .param(project.id()).update();
        send(message("after the broken one"));

        awaitEvents(1);
        Eventually.count(() -> jdbc.sql("SELECT count(*) FROM intake_failures WHERE project_id = ?")
                .param(project.id()).query(Integer.class).single(), 1);
        assertThat(jdbc.sql("SELECT count(*) FROM intake").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT error FROM intake_failures").query(String.class).single()).isNotBlank();
    }

    private List<Issues.Row> awaitEvents(int count) {
        Eventually.await(() -> Issues.eventCount(jdbc, project.id()), n -> n >= count, Duration.ofSeconds(10));
        return Eventually.await(() -> Issues.of(jdbc, project.id()),
                rows -> rows.stream().mapToLong(Issues.Row::timesSeen).sum() >= count, Duration.ofSeconds(10));
    }

    private void send(String event) {
        var response = ingest().envelope(envelope(event));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private Ingest ingest() {
        return Ingest.to(port, project.id()).key(project.publicKey());
    }

    private static String envelope(String event) {
        return Ingest.eventEnvelope(UUID.randomUUID().toString().replace("-", ""), event);
    }

    private static String message(String text) {
        return "{\"message\":\"" + text + "\",\"level\":\"error\",\"platform\":\"python\"}";
    }

    private static String message(String text, String user) {
        return "{\"message\":\"" + text + "\",\"user\":" + user + ",\"level\":\"error\",\"platform\":\"python\"}";
    }

    private static String exception(String type, String value, String function) {
        return """
                {"platform":"python","exception":{"values":[{"type":"%s","value":"%s","stacktrace":{"frames":[
                  {"module":"django.core.handlers","function":"inner","filename":"django/core/handlers.py",
                   "lineno":55,"in_app":false},
                  {"module":"shop.views","function":"%s","filename":"shop/views.py","lineno":12,"in_app":true,
                   "context_line":"raise Error()"}]}}]},"level":"error"}"""
                .formatted(type, value, function).replace("\n", "");
    }
}
