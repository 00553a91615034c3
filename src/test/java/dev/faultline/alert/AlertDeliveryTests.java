package dev.faultline.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

import dev.faultline.account.User;
import dev.faultline.organization.Membership;
import dev.faultline.project.Project;
import dev.faultline.project.ProjectKeys;
import dev.faultline.project.Projects;
import dev.faultline.support.Api;
import dev.faultline.support.Eventually;
import dev.faultline.support.Events;
import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Mailbox;
import dev.faultline.support.TestProjects;
import dev.faultline.support.WebhookReceiver;
import dev.faultline.team.Teams;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts end to end with real components: events from the Java SDK or over HTTP, digest, evaluation, a real SMTP
 * server (GreenMail) and a real HTTP receiver on loopback.
 */
@IntegrationTest({"ENABLE_ORGANIZATION_CREATION=true", "FAULTLINE_WEBHOOK_ALLOW_PRIVATE=true",
        "GLITCHTIP_DOMAIN=https://faultline.example.com", "faultline.alerts.retry-base=300ms",
        "faultline.alerts.emails-per-hour=5"})
class AlertDeliveryTests {

    @RegisterExtension
    static final Mailbox mailbox = new Mailbox();
    static final WebhookReceiver receiver = new WebhookReceiver();

    @DynamicPropertySource
    static void email(DynamicPropertyRegistry settings) {
        settings.add("EMAIL_URL", mailbox::emailUrl);
        settings.add("DEFAULT_FROM_EMAIL", () -> "alerts@faultline.example.com");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    User owner;
    Project project;
    TestProjects.TestProject testProject;
    Api api;
    Events events;

    @BeforeEach
    void aProjectWithATeam() {
        receiver.reset();
        var fixtures = new Fixtures(context);
        owner = fixtures.user("owner@acme.test");
        Membership acme = fixtures.organization(owner, "Acme");
        var team = context.getBean(Teams.class).create(acme, "Backend", "backend");
        project = context.getBean(Projects.class).create(acme, team, "shop", "shop", null);
        testProject = new TestProjects.TestProject(project,
                context.getBean(ProjectKeys.class).list(acme, project).getFirst(), acme, owner);
        api = new Api(port, fixtures.token(owner, "project:read", "project:write"));
        events = new Events(port, testProject, jdbc);
    }

    @AfterEach
    void closeTheJavaSdk() {
        Sentry.close();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void aJavaSdkErrorBringsAnEmailAndASignedWebhookWithinTenSeconds() {
        rule("""
                {"name": "New errors", "trigger": "new_issue",
                 "alertRecipients": [{"recipientType": "email"},
                                     {"recipientType": "webhook", "url": "%s"}]}""".formatted(receiver.url("/hook")));
        long start = System.nanoTime();
        Sentry.init(options -> {
            options.setDsn(testProject.dsn(port));
            options.setEnvironment("production");
            options.setRelease("shop@2.1.0");
            options.setEnableUncaughtExceptionHandler(false);
            options.setSendClientReports(false);
        });
        Sentry.captureException(new IllegalStateException("cart is empty"));
        Sentry.flush(5_000);

        Mailbox.Email email = Eventually.await(() -> mailbox.to("owner@acme.test"), list -> !list.isEmpty(),
                Duration.ofSeconds(10)).getFirst();
        WebhookReceiver.Request hook = Eventually.await(() -> receiver.requests("/hook"), list -> !list.isEmpty(),
                Duration.ofSeconds(10)).getFirst();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        long issueId = jdbc.sql("SELECT id FROM issues WHERE project_id = ?").param(project.id())
                .query(Long.class).single();
        String slug = testProject.membership().organization().slug();
        String link = "https://faultline.example.com/" + slug + "/issues/" + issueId;
        assertThat(email.subject()).contains("shop", "New issue", "IllegalStateException: cart is empty");
        assertThat(email.link("https://faultline.example.com/")).isEqualTo(link);
        assertThat(email.text()).contains("production", "shop@2.1.0", "error", "SHOP-1");
        assertThat(email.html()).contains("production", "shop@2.1.0");
        assertThat(email.headers().get("List-Id")).contains("<shop." + slug + ".alerts.faultline.example.com>");
        assertThat(email.headers().get("Auto-Submitted")).isEqualTo("auto-generated");

        String secret = jdbc.sql("SELECT secret FROM alert_recipients WHERE kind = 'webhook'").query(String.class)
                .single();
        assertThat(hook.header("X-Faultline-Signature")).isEqualTo(Signatures.sign(secret, hook.body()));
        JsonNode payload = hook.json();
        assertThat(payload.get("event").asString()).isEqualTo("created");
        assertThat(payload.at("/issue/title").asString()).isEqualTo("IllegalStateException: cart is empty");
        assertThat(payload.at("/issue/shortId").asString()).isEqualTo("SHOP-1");
        assertThat(payload.at("/issue/environment").asString()).isEqualTo("production");
        assertThat(payload.at("/issue/release").asString()).isEqualTo("shop@2.1.0");
        assertThat(payload.at("/issue/level").asString()).isEqualTo("error");
        assertThat(payload.at("/issue/count").asInt()).isEqualTo(1);
        assertThat(payload.at("/issue/url").asString()).isEqualTo(link);
        assertThat(payload.at("/project/slug").asString()).isEqualTo("shop");
        assertThat(payload.at("/rule/name").asString()).isEqualTo("New errors");
        assertThat(new String(hook.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
    }

    @Test
    void aReceiverAnswering500GetsRetriesAndThenTheMessage() {
        rule("""
                {"trigger": "new_issue", "alertRecipients": [{"recipientType": "webhook", "url": "%s"}]}"""
                .formatted(receiver.url("/flaky")));
        receiver.answer(500, 503);

        events.send(Events.exception("ValueError", "bad value", "checkout", ""));

        List<WebhookReceiver.Request> requests = Eventually.await(() -> receiver.requests("/flaky"),
                list -> list.size() >= 3, Duration.ofSeconds(15));
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(request -> request.header("X-Faultline-Delivery")).containsOnly(
                requests.getFirst().header("X-Faultline-Delivery"));
        assertThat(requests).extracting(request -> new String(request.body(), StandardCharsets.UTF_8))
                .as("every retry sends the same body").containsOnly(new String(requests.getFirst().body(),
                        StandardCharsets.UTF_8));
        List<String> log = Eventually.await(this::deliveryLog, rows -> rows.size() == 3, Duration.ofSeconds(5));
        assertThat(log).containsExactly("retrying 500", "retrying 503", "sent 200");
        assertThat(jdbc.sql("SELECT status FROM alert_deliveries").query(String.class).single()).isEqualTo("sent");
    }

    @Test
    void aRegressionAlertsAgainAndACoolDownKeepsQuiet() {
        rule("""
                {"trigger": "frequency", "quantity": 1, "timespanMinutes": 1,
                 "alertRecipients": [{"recipientType": "webhook", "url": "%s"}]}""".formatted(receiver.url("/often")));
        rule("""
                {"trigger": "regression", "alertRecipients": [{"recipientType": "webhook", "url": "%s"}]}"""
                .formatted(receiver.url("/regressed")));
        String event = Events.exception("KeyError", "'sku'", "cart", "");

        events.send(event);
        Eventually.await(() -> receiver.requests("/often"), list -> list.size() == 1, Duration.ofSeconds(10));
        events.send(event);
        events.await(2);
        jdbc.sql("UPDATE issues SET status = 'resolved', resolved_at = now() WHERE project_id = ?")
                .param(project.id()).update();
        awaitQuiet();
        assertThat(receiver.requests("/often")).as("within the cool-down").hasSize(1);
        assertThat(receiver.requests("/regressed")).isEmpty();

        events.send(event);

        JsonNode regression = Eventually.await(() -> receiver.requests("/regressed"), list -> list.size() == 1,
                Duration.ofSeconds(10)).getFirst().json();
        assertThat(regression.get("event").asString()).isEqualTo("regressed");
        assertThat(regression.at("/issue/count").asInt()).isEqualTo(3);
        Eventually.await(() -> receiver.requests("/often"), list -> list.size() == 2, Duration.ofSeconds(10));
        awaitQuiet();
        assertThat(receiver.requests("/often")).hasSize(2);
        assertThat(receiver.requests("/regressed")).hasSize(1);
    }

    @Test
    void aPassedCoolDownAlertsAgainButAnIgnoredIssueStaysQuiet() {
        rule("""
                {"trigger": "frequency", "quantity": 1, "timespanMinutes": 1, "cooldownMinutes": 30,
                 "alertRecipients": [{"recipientType": "webhook", "url": "%s"}]}""".formatted(receiver.url("/cool")));
        String event = Events.exception("IndexError", "list index out of range", "basket", "");
        events.send(event);
        Eventually.await(() -> receiver.requests("/cool"), list -> list.size() == 1, Duration.ofSeconds(10));

        jdbc.sql("UPDATE alert_notified SET notified_at = now() - interval '31 minutes'").update();
        events.send(event);
        Eventually.await(() -> receiver.requests("/cool"), list -> list.size() == 2, Duration.ofSeconds(10));

        jdbc.sql("UPDATE alert_notified SET notified_at = now() - interval '31 minutes'").update();
        jdbc.sql("UPDATE issues SET status = 'ignored' WHERE project_id = ?").param(project.id()).update();
        events.send(event);
        events.await(3);
        awaitQuiet();
        assertThat(receiver.requests("/cool")).hasSize(2);
    }

    @Test
    void rulesFilterByLevelAndEnvironment() {
        rule("""
                {"trigger": "new_issue", "minLevel": "error", "environment": "production",
                 "alertRecipients": [{"recipientType": "webhook", "url": "%s"}]}""".formatted(receiver.url("/prod")));

        events.send(Events.message("just a warning", "\"environment\":\"production\""));
        events.send(Events.exception("TypeError", "in staging", "a", "\"environment\":\"staging\""));
        events.send(Events.exception("TypeError", "in production", "b", "\"environment\":\"production\""));

        JsonNode only = Eventually.await(() -> receiver.requests("/prod"), list -> !list.isEmpty(),
                Duration.ofSeconds(10)).getFirst().json();
        awaitQuiet();
        assertThat(receiver.requests("/prod")).hasSize(1);
        assertThat(only.at("/issue/title").asString()).isEqualTo("TypeError: in production");
    }

    @Test
    void chatWebhooksGetTheirOwnFormatsUnsigned() {
        rule("""
                {"trigger": "new_issue",
                 "alertRecipients": [{"recipientType": "slack", "url": "%s"}, {"recipientType": "discord", "url": "%s"},
                                     {"recipientType": "msteams", "url": "%s"},
                                     {"recipientType": "googlechat", "url": "%s"}]}""".formatted(
                receiver.url("/slack"), receiver.url("/discord"), receiver.url("/teams"), receiver.url("/chat")));

        events.send(Events.exception("OSError", "disk full", "upload", ""));

        Eventually.await(receiver::requests, list -> list.size() == 4, Duration.ofSeconds(10));
        assertThat(receiver.requests("/slack").getFirst().json().at("/attachments/0/title").asString())
                .isEqualTo("SHOP-1 OSError: disk full");
        assertThat(receiver.requests("/discord").getFirst().json().at("/embeds/0/title").asString())
                .isEqualTo("SHOP-1 OSError: disk full");
        assertThat(receiver.requests("/teams").getFirst().json().at("/attachments/0/content/type").asString())
                .isEqualTo("AdaptiveCard");
        assertThat(receiver.requests("/chat").getFirst().json().at("/cardsV2/0/card/header/title").asString())
                .isEqualTo("SHOP-1 OSError: disk full");
        assertThat(receiver.requests()).allSatisfy(request -> {
            assertThat(request.header("X-Faultline-Signature")).isNull();
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
        });
    }

    @Test
    void aSpikeOfAThousandEventsBringsOneNotificationPerRule() throws Exception {
        rule("""
                {"trigger": "new_issue", "alertRecipients": [{"recipientType": "email"},
                                                             {"recipientType": "webhook", "url": "%s"}]}"""
                .formatted(receiver.url("/spike-new")));
        rule("""
                {"trigger": "frequency", "quantity": 100, "timespanMinutes": 10,
                 "alertRecipients": [{"recipientType": "email"}, {"recipientType": "webhook", "url": "%s"}]}"""
                .formatted(receiver.url("/spike-often")));
        String event = Events.exception("TimeoutError", "upstream timed out", "pay", "");

        try (var senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 1000; i++) {
                senders.submit(() -> events.send(event));
            }
        }
        events.await(1000);
        awaitQuiet();

        assertThat(jdbc.sql("SELECT times_seen FROM issues WHERE project_id = ?").param(project.id())
                .query(Long.class).single()).isEqualTo(1000);
        assertThat(receiver.requests("/spike-new")).hasSize(1);
        assertThat(receiver.requests("/spike-often")).hasSize(1);
        assertThat(receiver.requests("/spike-often").getFirst().json().at("/issue/count").asLong())
                .isGreaterThanOrEqualTo(100);
        assertThat(mailbox.to("owner@acme.test")).hasSize(2);
    }

    @Test
    void emailsToOnePersonAreThrottled() {
        rule("""
                {"trigger": "new_issue", "alertRecipients": [{"recipientType": "email"}]}""");

        for (int i = 0; i < 7; i++) {
            events.send(Events.exception("Error" + i, "number " + i, "f" + i, ""));
        }
        events.await(7);
        Eventually.await(() -> jdbc.sql("SELECT count(*) FROM alert_deliveries WHERE status <> 'pending'")
                .query(Integer.class).single(), n -> n == 7, Duration.ofSeconds(15));

        assertThat(mailbox.to("owner@acme.test")).hasSize(5);
        assertThat(jdbc.sql("SELECT status, count(*) FROM alert_deliveries GROUP BY status ORDER BY status")
                .query((rs, row) -> rs.getString(1) + "=" + rs.getInt(2)).list()).containsExactly("sent=5",
                "throttled=2");
        assertThat(jdbc.sql("SELECT error FROM alert_delivery_attempts WHERE outcome = 'throttled'")
                .query(String.class).list()).allSatisfy(error -> assertThat(error)
                .contains("owner@acme.test had 5 alert emails in the last hour"));
    }

    private void rule(String json) {
        var response = api.post("/api/0/projects/" + testProject.membership().organization().slug() + "/shop/alerts/",
                json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private List<String> deliveryLog() {
        return jdbc.sql("SELECT outcome || ' ' || coalesce(http_status::text, '') FROM alert_delivery_attempts ORDER BY id")
                .query(String.class).list().stream().map(String::strip).toList();
    }

    /** Waits until digest, evaluation and delivery have nothing left to do. */
    private void awaitQuiet() {
        Eventually.await(() -> jdbc.sql("""
                SELECT (SELECT count(*) FROM intake) + (SELECT count(*) FROM alert_triggers)
                     + (SELECT count(*) FROM alert_deliveries WHERE status = 'pending')""").query(Long.class).single(),
                n -> n == 0, Duration.ofSeconds(10));
    }
}
