package dev.faultline.alert;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.faultline.account.User;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Role;
import dev.faultline.project.Projects;
import dev.faultline.support.Eventually;
import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Mailbox;
import dev.faultline.support.WebSession;
import dev.faultline.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert pages as a person uses them: rules, recipients, the test button and its log, and notification settings. */
@IntegrationTest("ENABLE_ORGANIZATION_CREATION=true")
class AlertPageTests {

    @RegisterExtension
    static final Mailbox mailbox = new Mailbox();

    @DynamicPropertySource
    static void email(DynamicPropertyRegistry settings) {
        settings.add("EMAIL_URL", mailbox::emailUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Membership acme;
    User owner;
    WebSession browser;
    String alerts;

    @BeforeEach
    void aProjectWithATeam() {
        fixtures = new Fixtures(context);
        owner = fixtures.user("owner@acme.test");
        acme = fixtures.organization(owner, "Acme");
        var team = context.getBean(Teams.class).create(acme, "Backend", "backend");
        context.getBean(Projects.class).create(acme, team, "shop", "shop", null);
        browser = Fixtures.signedIn(port, owner);
        alerts = "/" + acme.organization().slug() + "/settings/projects/shop/alerts";
    }

    @Test
    void createsARuleAddsRecipientsTestsThemAndDeletesIt() {
        assertThat(browser.get("/" + acme.organization().slug() + "/settings/projects/shop").body())
                .contains("href=\"" + alerts + "\"");
        assertThat(browser.get(alerts).body()).contains("No rules yet");

        var created = browser.submit(alerts + "/new", alerts + "/new", Map.of("name", "Spikes",
                "trigger", "frequency", "quantity", "50", "timespanMinutes", "5", "cooldownMinutes", "30",
                "minLevel", "error", "environment", "production", "emailTeam", "true"));
        assertThat(created.statusCode()).isEqualTo(302);
        String rule = location(created).replaceFirst("\\?.*", "");
        assertThat(browser.get(alerts).body()).contains("Spikes", "an issue gets 50 events in 5 minutes",
                "error or worse", "production");

        var slack = browser.submit(rule, rule + "/recipients", Map.of("recipientType", "slack",
                "url", "https://203.0.113.7/services/T0/B0/x"));
        assertThat(slack.statusCode()).isEqualTo(302);
        var page = browser.get(rule).body();
        assertThat(page).contains("Slack or Mattermost", "https://203.0.113.7/services/T0/B0/x",
                "FAULTLINE_WEBHOOK_ALLOW_PRIVATE=true");

        long emailRecipient = jdbc.sql("SELECT id FROM alert_recipients WHERE kind = 'email'").query(Long.class).single();
        var tested = browser.submit(rule, rule + "/recipients/" + emailRecipient + "/test", Map.of());
        assertThat(tested.statusCode()).isEqualTo(302);
        assertThat(location(tested)).contains("tested=1");
        Mailbox.Email email = Eventually.await(() -> mailbox.to("owner@acme.test"), list -> !list.isEmpty(),
                Duration.ofSeconds(10)).getFirst();
        assertThat(email.subject()).contains("Test notification");
        assertThat(email.text()).contains("This is a test notification");
        String log = Eventually.await(() -> browser.get(rule).body(), body -> body.contains(">sent<"),
                Duration.ofSeconds(10));
        assertThat(log).contains("delivery-log", "owner@acme.test", "test");

        var removed = browser.submit(rule, rule + "/delete", Map.of());
        assertThat(location(removed)).endsWith("/alerts?deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules").query(Integer.class).single()).isZero();
    }

    @Test
    void showsBadInputBesideTheFieldAndSavesNothing() {
        var zero = browser.submit(alerts + "/new", alerts + "/new", Map.of("trigger", "frequency", "quantity", "0",
                "timespanMinutes", "5", "cooldownMinutes", "60"));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("quantity must be a whole number from 1", "class=\"error\"");
        var words = browser.submit(alerts + "/new", alerts + "/new", Map.of("trigger", "frequency", "quantity", "5",
                "timespanMinutes", "five", "cooldownMinutes", "60"));
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).contains("&#39;five&#39; is not a positive whole number").contains("value=\"five\"");
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules").query(Integer.class).single()).isZero();

        String rule = location(browser.submit(alerts + "/new", alerts + "/new", Map.of("trigger", "new_issue",
                "cooldownMinutes", "60"))).replaceFirst("\\?.*", "");
        var malformed = browser.submit(rule, rule + "/recipients", Map.of("recipientType", "webhook", "url", "nope"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("is not an http:// or https:// URL");
        var internal = browser.submit(rule, rule + "/recipients", Map.of("recipientType", "discord",
                "url", "http://169.254.169.254/latest"));
        assertThat(internal.statusCode()).isEqualTo(400);
        assertThat(internal.body()).contains("unless the server sets FAULTLINE_WEBHOOK_ALLOW_PRIVATE=true");
        var unknown = browser.submit(rule, rule + "/recipients", Map.of("recipientType", "pager", "url", ""));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("recipientType &#39;pager&#39; is unknown");
        assertThat(jdbc.sql("SELECT count(*) FROM alert_recipients").query(Integer.class).single()).isZero();
    }

    @Test
    void membersSeeRulesButCannotChangeThem() {
        browser.submit(alerts + "/new", alerts + "/new", Map.of("trigger", "new_issue", "cooldownMinutes", "60"));
        User member = fixtures.user("member@acme.test");
        fixtures.join(acme, member, Role.MEMBER);
        WebSession asMember = Fixtures.signedIn(port, member);

        assertThat(asMember.get(alerts).statusCode()).isEqualTo(200);
        assertThat(asMember.get(alerts).body()).doesNotContain("New rule");
        assertThat(asMember.get(alerts + "/new").statusCode()).isEqualTo(403);
        assertThat(asMember.submit(alerts, alerts + "/new", Map.of("trigger", "new_issue")).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void alertEmailsFollowTheProfileSettingAndPerProjectChoices() {
        String rule = location(browser.submit(alerts + "/new", alerts + "/new", Map.of("trigger", "new_issue",
                "cooldownMinutes", "60", "emailTeam", "true"))).replaceFirst("\\?.*", "");
        long recipient = jdbc.sql("SELECT id FROM alert_recipients").query(Long.class).single();
        long project = jdbc.sql("SELECT id FROM projects").query(Long.class).single();

        assertThat(browser.get("/profile").body()).contains("hx-get=\"/profile/notifications/default\"");
        assertThat(browser.get("/profile/notifications/default").body()).contains("Send me project alerts",
                "checked");
        var off = browser.submit("/profile/notifications", "/profile/notifications", Map.of("next", "/profile"));
        assertThat(location(off)).endsWith("/profile?saved");
        var nobody = browser.submit(rule, rule + "/recipients/" + recipient + "/test", Map.of());
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("Nobody would get this project");

        browser.submit("/profile/notifications", "/profile/notifications/projects/" + project,
                Map.of("choice", "on"));
        assertThat(browser.get("/profile/notifications").body()).contains("As above (off)");
        assertThat(browser.submit(rule, rule + "/recipients/" + recipient + "/test", Map.of()).statusCode())
                .isEqualTo(302);
        Eventually.await(() -> mailbox.to("owner@acme.test"), list -> list.size() == 1, Duration.ofSeconds(10));

        User outsider = fixtures.user("outsider@other.test");
        fixtures.organization(outsider, "Other");
        WebSession asOutsider = Fixtures.signedIn(port, outsider);
        assertThat(asOutsider.submit("/profile/notifications", "/profile/notifications/projects/" + project,
                Map.of("choice", "off")).statusCode()).isEqualTo(404);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
