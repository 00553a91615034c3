package dev.faultline.project;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.faultline.account.User;
import dev.faultline.compression.BodyCompression;
import dev.faultline.organization.Role;
import dev.faultline.support.Api;
import dev.faultline.support.Eventually;
import dev.faultline.support.Fixtures;
import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.TestProjects;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A project's data privacy settings: what they make digest keep of an event, and who may change them where. */
@IntegrationTest
class DataPrivacyTests {

    private static final String EVENT = """
            {"message":"login failed","platform":"python","user":{"id":"42","ip_address":"203.0.113.9"},
             "extra":{"password":"hunter2","order":"1337"}}""";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    BodyCompression compression;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject project;
    String path;

    @BeforeEach
    void aProject() {
        project = new TestProjects(context).create("shop");
        path = "/api/0/projects/" + project.membership().organization().slug() + "/shop/";
    }

    @Test
    void byDefaultSecretsAreFilteredAndAddressesKept() {
        JsonNode stored = sendAndRead();

        assertThat(stored.at("/extra/password").asString()).isEqualTo("[Filtered]");
        assertThat(stored.at("/extra/order").asString()).isEqualTo("1337");
        assertThat(stored.at("/user/ip_address").asString()).isEqualTo("203.0.113.9");
    }

    @Test
    void theApiTurnsFilteringOffAndAddressRemovalOn() {
        Api owner = new Api(port, new Fixtures(context).token(project.owner(), "project:write", "project:read"));

        var updated = owner.put(path, "{\"dataScrubber\":false,\"scrubIPAddresses\":true}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("dataScrubber").asBoolean()).isFalse();
        assertThat(updated.json().get("scrubIPAddresses").asBoolean()).isTrue();
        JsonNode stored = sendAndRead();
        assertThat(stored.at("/extra/password").asString()).isEqualTo("hunter2");
        assertThat(stored.at("/user").has("ip_address")).isFalse();
        assertThat(stored.at("/user/id").asString()).isEqualTo("42");
    }

    @Test
    void aMemberCannotChangeThem() {
        var fixtures = new Fixtures(context);
        User member = fixtures.user("member@example.com");
        fixtures.join(project.membership(), member, Role.MEMBER);

        var refused = new Api(port, fixtures.token(member, "project:write", "project:read"))
                .put(path, "{\"dataScrubber\":false}");
        var page = Fixtures.signedIn(port, member).submit(settingsPage(), settingsPage() + "/data", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(settings()).isEqualTo("true false");
    }

    @Test
    void theSettingsPageSavesBothCheckboxesAndNeedsItsCsrfToken() {
        var owner = new WebSession(port);
        assertThat(owner.signIn(project.owner().email(), "owner-password").statusCode()).isEqualTo(302);

        var forged = owner.post(settingsPage() + "/data", Map.of("scrubIpAddresses", "true"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(settings()).isEqualTo("true false");

        var saved = owner.submit(settingsPage(), settingsPage() + "/data", Map.of("scrubIpAddresses", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(settings()).isEqualTo("false true");
        assertThat(owner.get(settingsPage()).body()).contains("name=\"scrubIpAddresses\" value=\"true\" checked");
    }

    private String settingsPage() {
        return "/" + project.membership().organization().slug() + "/settings/projects/shop";
    }

    private String settings() {
        return jdbc.sql("SELECT scrub_data || ' ' || scrub_ip_addresses FROM projects WHERE id = ?")
                .param(project.id()).query(String.class).single();
    }

    private JsonNode sendAndRead() {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        var response = Ingest.to(port, project.id()).key(project.publicKey())
                .envelope(Ingest.eventEnvelope(eventId, EVENT.replace("\n", "")));
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = Eventually.await(() -> jdbc.sql("SELECT body FROM events WHERE event_id = ?::uuid")
                .param(eventId).query(byte[].class).optional().orElse(null), found -> found != null,
                Duration.ofSeconds(10));
        return JsonMapper.shared().readTree(compression.decompress(body));
    }
}
