package dev.faultline.alert;

import java.util.List;

import dev.faultline.account.User;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Role;
import dev.faultline.project.Projects;
import dev.faultline.support.Api;
import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/0/projects/{org}/{project}/alerts/} as GlitchTip's clients call it, and what it refuses. */
@IntegrationTest("ENABLE_ORGANIZATION_CREATION=true")
class AlertApiTests {

    static final String PATH = "/api/0/projects/acme/shop/alerts/";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Membership acme;
    User owner;
    Api api;

    @BeforeEach
    void aProject() {
        fixtures = new Fixtures(context);
        owner = fixtures.user("owner@acme.test");
        acme = fixtures.organization(owner, "Acme");
        context.getBean(Projects.class).create(acme, null, "shop", "shop", null);
        api = new Api(port, fixtures.token(owner, "project:read", "project:write"));
    }

    @Test
    void createsListsUpdatesAndDeletesInGlitchTipsShape() {
        var created = api.post(PATH, """
                {"name": "Spikes", "timespanMinutes": 1, "quantity": 10, "uptime": false,
                 "alertRecipients": [{"recipientType": "email", "url": ""},
                                     {"recipientType": "webhook", "url": "https://203.0.113.10/hooks/faultline"}]}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode rule = created.json();
        assertThat(rule.get("id").isString()).isTrue();
        assertThat(rule.get("trigger").asString()).isEqualTo("frequency");
        assertThat(rule.get("quantity").asInt()).isEqualTo(10);
        assertThat(rule.get("cooldownMinutes").asInt()).isEqualTo(60);
        assertThat(rule.get("alertRecipients")).hasSize(2);
        JsonNode webhook = rule.get("alertRecipients").get(1);
        assertThat(webhook.get("recipientType").asString()).isEqualTo("webhook");
        assertThat(webhook.get("secret").asString()).hasSize(64);

        String id = rule.get("id").asString();
        var updated = api.put(PATH + id + "/", """
                {"name": "New issues in production", "trigger": "new_issue", "minLevel": "error",
                 "environment": "production",
                 "alertRecipients": [{"recipientType": "webhook", "url": "https://203.0.113.10/hooks/faultline"},
                                     {"recipientType": "mattermost", "url": "https://203.0.113.11/hooks/abc"}]}""");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("trigger").asString()).isEqualTo("new_issue");
        assertThat(updated.json().get("minLevel").asString()).isEqualTo("error");
        assertThat(updated.json().get("alertRecipients")).extracting(r -> r.get("recipientType").asString())
                .containsExactly("webhook", "slack");
        assertThat(updated.json().get("alertRecipients").get(0).get("secret").asString())
                .as("a recipient asked for again keeps its secret").isEqualTo(webhook.get("secret").asString());

        assertThat(api.get(PATH).json()).singleElement()
                .satisfies(listed -> assertThat(listed.get("name").asString()).isEqualTo("New issues in production"));
        assertThat(api.get(PATH + id + "/").status()).isEqualTo(200);
        assertThat(api.delete(PATH + id + "/").status()).isEqualTo(204);
        assertThat(api.get(PATH).json()).isEmpty();
        assertThat(api.get(PATH + id + "/").status()).isEqualTo(404);
    }

    @Test
    void refusesBadRulesWithADetailAndSavesNothing() {
        for (String body : List.of(
                "{\"timespanMinutes\": 1, \"quantity\": 0}",
                "{\"timespanMinutes\": -5, \"quantity\": 3}",
                "{\"timespanMinutes\": 1, \"quantity\": \"ten\"}",
                "{\"timespanMinutes\": 1.5, \"quantity\": 3}",
                "{\"trigger\": \"frequency\", \"quantity\": 3}",
                "{\"trigger\": \"sometimes\"}",
                "{\"trigger\": \"new_issue\", \"minLevel\": \"loud\"}",
                "{\"trigger\": \"new_issue\", \"cooldownMinutes\": 0}",
                "{\"trigger\": \"new_issue\", \"alertRecipients\": [{\"recipientType\": \"pager\"}]}",
                "{\"trigger\": \"new_issue\", \"alertRecipients\": [{\"recipientType\": \"webhook\", \"url\": \"not a url\"}]}",
                "{\"trigger\": \"new_issue\", \"alertRecipients\": [{\"recipientType\": \"slack\", \"url\": \"ftp://203.0.113.1/x\"}]}",
                "{\"trigger\": \"new_issue\", \"alertRecipients\": [{\"recipientType\": \"discord\"}]}",
                "{\"trigger\": \"new_issue\", \"alertRecipients\": [{\"recipientType\": \"email\"},"
                        + " {\"recipientType\": \"webhook\", \"url\": \"http://\"}]}",
                "[]")) {
            var response = api.post(PATH, body);
            assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(response.detail()).as(body).isNotBlank();
        }
        assertThat(api.post(PATH, "{\"timespanMinutes\": 1, \"quantity\": 0}").detail()).contains("quantity");
        assertThat(api.post(PATH, "{\"trigger\": \"new_issue\", \"alertRecipients\": [{\"recipientType\": \"pager\"}]}")
                .detail()).contains("pager");
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM alert_recipients").query(Integer.class).single()).isZero();
    }

    @Test
    void refusesWebhooksToInternalAddresses() {
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x",
                "http://192.168.0.10/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x",
                "http://[fd00::1]/x", "http://0.0.0.0/x", "http://100.64.0.1/x")) {
            var response = api.post(PATH, """
                    {"trigger": "new_issue", "alertRecipients": [{"recipientType": "slack", "url": "%s"}]}"""
                    .formatted(url));
            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.detail()).as(url).contains("FAULTLINE_WEBHOOK_ALLOW_PRIVATE");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules").query(Integer.class).single()).isZero();
    }

    @Test
    void membersReadWithoutSecretsAndCannotChange() {
        String id = api.post(PATH, """
                {"trigger": "new_issue",
                 "alertRecipients": [{"recipientType": "webhook", "url": "https://203.0.113.10/x"}]}""")
                .json().get("id").asString();
        User member = fixtures.user("member@acme.test");
        fixtures.join(acme, member, Role.MEMBER);
        var asMember = new Api(port, fixtures.token(member, "project:read", "project:write"));

        JsonNode listed = asMember.get(PATH).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("alertRecipients").get(0).has("secret")).isFalse();
        assertThat(listed.get(0).get("alertRecipients").get(0).get("url").asString())
                .as("a webhook URL carries its own credentials").isEqualTo("https://203.0.113.10/…");
        assertThat(asMember.post(PATH, "{\"trigger\": \"new_issue\"}").status()).isEqualTo(403);
        assertThat(asMember.put(PATH + id + "/", "{\"trigger\": \"regression\"}").status()).isEqualTo(403);
        assertThat(asMember.delete(PATH + id + "/").status()).isEqualTo(403);

        var readOnlyToken = new Api(port, fixtures.token(owner, "project:read"));
        assertThat(readOnlyToken.post(PATH, "{\"trigger\": \"new_issue\"}").status()).isEqualTo(403);
        assertThat(readOnlyToken.delete(PATH + id + "/").status()).isEqualTo(403);
    }

    @Test
    void anotherOrganizationsRulesAreNotFound() {
        String id = api.post(PATH, "{\"trigger\": \"new_issue\"}").json().get("id").asString();
        User outsider = fixtures.user("owner@other.test");
        Membership other = fixtures.organization(outsider, "Other");
        context.getBean(Projects.class).create(other, null, "shop", "shop", null);
        var asOutsider = new Api(port, fixtures.token(outsider, "project:read", "project:write"));

        assertThat(asOutsider.get(PATH).status()).isEqualTo(404);
        assertThat(asOutsider.get("/api/0/projects/other/shop/alerts/" + id + "/").status()).isEqualTo(404);
        assertThat(asOutsider.delete("/api/0/projects/other/shop/alerts/" + id + "/").status()).isEqualTo(404);
        assertThat(asOutsider.get("/api/0/projects/other/shop/alerts/").json()).isEmpty();
    }
}
