package dev.faultline.web;

import java.util.Map;

import dev.faultline.support.IntegrationTest;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.faultline.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

/** The settings pages of an organization, clicked through as its owner: every form does what its button says. */
@IntegrationTest
class SettingsPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebSession owner;

    @BeforeEach
    void ownerWithAnOrganization() {
        owner = new WebSession(port);
        owner.register("owner@example.com", "owner-password");
        var created = owner.submit("/organizations/new", "/organizations/new", Map.of("name", "Acme"));
        assertThat(location(created)).isEqualTo("/acme/settings/projects/new");
    }

    @Test
    void renamesTheOrganizationAndRefusesATakenSlug() {
        var saved = owner.submit("/acme/settings", "/acme/settings", Map.of("name", "Acme Corp", "slug", "acme-corp"));
        assertThat(location(saved)).isEqualTo("/acme-corp/settings?saved");
        assertThat(owner.get(location(saved)).body()).contains("Acme Corp", "The organization is saved.");
        assertThat(owner.get("/acme/settings").statusCode()).isEqualTo(404);

        var refused = owner.submit("/acme-corp/settings", "/acme-corp/settings", Map.of("name", "X", "slug", "login"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("&#39;login&#39; is reserved");
    }

    @Test
    void deletingTheOrganizationNeedsItsSlugTyped() {
        var refused = owner.submit("/acme/settings", "/acme/settings/delete", Map.of("confirm", "nope"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Type the organization&#39;s slug, acme, to delete it");

        var deleted = owner.submit("/acme/settings", "/acme/settings/delete", Map.of("confirm", "acme"));
        assertThat(location(deleted)).isEqualTo("/");
        assertThat(jdbc.sql("SELECT count(*) FROM organizations").query(Integer.class).single()).isZero();
    }

    @Test
    void createsAProjectWithAKeyThenManagesTheKeys() {
        var created = owner.submit("/acme/settings/projects/new", "/acme/settings/projects/new",
                Map.of("name", "Checkout API", "platform", "java"));
        assertThat(location(created)).isEqualTo("/acme/settings/projects/checkout-api?created");
        String page = owner.get("/acme/settings/projects/checkout-api").body();
        assertThat(page).contains("io.sentry", "Sentry.init", "Client keys (DSN)");
        String key = jdbc.sql("SELECT replace(public_key::text, '-', '') FROM project_keys").query(String.class).single();
        assertThat(page).contains(key + "@localhost");

        var second = owner.submit("/acme/settings/projects/checkout-api", "/acme/settings/projects/checkout-api/keys",
                Map.of("name", "Frontend", "rateLimitCount", "100", "rateLimitWindow", "60"));
        assertThat(location(second)).startsWith("/acme/settings/projects/checkout-api?keyCreated");
        assertThat(owner.get("/acme/settings/projects/checkout-api").body()).contains("Frontend", "100 per 60 s");

        var disabled = owner.submit("/acme/settings/projects/checkout-api",
                "/acme/settings/projects/checkout-api/keys/" + key, Map.of("active", "false"));
        assertThat(location(disabled)).startsWith("/acme/settings/projects/checkout-api?keySaved");
        assertThat(jdbc.sql("SELECT is_active FROM project_keys WHERE label = 'Default'").query(Boolean.class).single())
                .isFalse();

        var halfLimit = owner.submit("/acme/settings/projects/checkout-api",
                "/acme/settings/projects/checkout-api/keys/" + key,
                Map.of("name", "Default", "rateLimitGiven", "true", "rateLimitCount", "5", "rateLimitWindow", ""));
        assertThat(halfLimit.statusCode()).isEqualTo(400);
        assertThat(halfLimit.body()).contains("A rate limit needs both a count and a window");

        var deleted = owner.submit("/acme/settings/projects/checkout-api",
                "/acme/settings/projects/checkout-api/keys/" + key + "/delete", Map.of());
        assertThat(location(deleted)).startsWith("/acme/settings/projects/checkout-api?keyDeleted");
        assertThat(jdbc.sql("SELECT label FROM project_keys").query(String.class).list()).containsExactly("Frontend");
    }

    @Test
    void aProjectNameTakenGetsANumberedSlugAndAnEmptyNameIsRefused() {
        owner.submit("/acme/settings/projects/new", "/acme/settings/projects/new", Map.of("name", "web"));
        var again = owner.submit("/acme/settings/projects/new", "/acme/settings/projects/new", Map.of("name", "web"));
        assertThat(location(again)).isEqualTo("/acme/settings/projects/web-2?created");

        var empty = owner.submit("/acme/settings/projects/new", "/acme/settings/projects/new", Map.of("name", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("A project needs a name of 1 to 64 characters");

        var unknownPlatform = owner.submit("/acme/settings/projects/new", "/acme/settings/projects/new",
                Map.of("name", "x", "platform", "cobol"));
        assertThat(unknownPlatform.statusCode()).isEqualTo(400);
        assertThat(unknownPlatform.body()).contains("&#39;cobol&#39; is not a platform Faultline knows");
    }

    @Test
    void teamsAreCreatedJoinedAndAttachedToProjects() {
        var team = owner.submit("/acme/settings/teams", "/acme/settings/teams", Map.of("name", "Backend"));
        assertThat(location(team)).isEqualTo("/acme/settings/teams/backend");
        owner.submit("/acme/settings/projects/new", "/acme/settings/projects/new", Map.of("name", "api", "team", "backend"));
        assertThat(owner.get("/acme/settings/teams/backend").body()).contains("Leave team", "owner@example.com", ">api<");

        owner.submit("/acme/settings/teams/backend", "/acme/settings/teams/backend/members/me/remove", Map.of());
        assertThat(owner.get("/acme/settings/teams/backend").body()).contains("Join team", "Nobody is in this team yet.");

        owner.submit("/acme/settings/projects/api", "/acme/settings/projects/api/teams", Map.of());
        assertThat(owner.get("/acme/settings/teams/backend").body()).contains("No projects belong to this team");

        var renamed = owner.submit("/acme/settings/teams/backend", "/acme/settings/teams/backend",
                Map.of("name", "Back end", "slug", "back-end"));
        assertThat(location(renamed)).isEqualTo("/acme/settings/teams/back-end?saved");

        var deleted = owner.submit("/acme/settings/teams/back-end", "/acme/settings/teams/back-end/delete", Map.of());
        assertThat(location(deleted)).isEqualTo("/acme/settings/teams?deleted");
        assertThat(owner.get("/acme/settings/teams").body()).contains("No teams yet.");
    }

    @Test
    void theIssuesPageShowsEachProjectsDsnUntilEventsArrive() {
        assertThat(owner.get("/acme/issues").body()).contains("Create your first project");
        owner.submit("/acme/settings/projects/new", "/acme/settings/projects/new", Map.of("name", "api"));
        assertThat(owner.get("/acme/issues").body()).contains("No issues yet", "@localhost");
    }

    @Test
    void anotherUsersOrganizationIsNotFound() {
        var stranger = new WebSession(port);
        stranger.register("stranger@example.com", "stranger-password");
        assertThat(stranger.get("/acme/settings").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/acme/issues").statusCode()).isEqualTo(404);
        var post = stranger.submit("/profile", "/acme/settings/delete", Map.of("confirm", "acme"));
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations").query(Integer.class).single()).isOne();
    }

    @Test
    void pagesRefuseAFormWithoutItsCsrfToken() {
        var forged = owner.post("/acme/settings/delete", Map.of("confirm", "acme"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations").query(Integer.class).single()).isOne();
    }
}
