package dev.faultline.issue;

import dev.faultline.support.Api;
import dev.faultline.support.Events;
import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Events through the API, and the calls GitLab's error tracking makes, in its order. */
@IntegrationTest
class IssueEventApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject shop;
    Api api;
    String org;
    String first;
    String second;
    String other;
    long issueId;

    @BeforeEach
    void twoEventsOfOneIssueAndAnother() {
        shop = new TestProjects(context).create("shop");
        Events events = new Events(port, shop, jdbc);
        org = shop.membership().organization().slug();
        api = new Api(port, new Fixtures(context).token(shop.owner(), "org:read", "project:read", "event:read",
                "event:write"));
        first = events.send(Events.exception("ValueError", "bad order 17", "checkout",
                "\"environment\":\"production\",\"tags\":{\"region\":\"eu\"}"));
        events.await(1);
        second = events.send(Events.exception("ValueError", "bad order 18", "checkout", ""));
        other = events.send(Events.message("cart is empty", ""));
        events.await(3);
        issueId = Issues.of(jdbc, shop.id()).stream().filter(row -> row.title().startsWith("ValueError"))
                .findFirst().orElseThrow().id();
    }

    @Test
    void theLatestEventHasSentrysEntries() {
        JsonNode event = api.get("/api/0/issues/" + issueId + "/events/latest/").json();

        assertThat(event.path("eventID").asString()).isEqualTo(second);
        assertThat(event.path("groupID").asString()).isEqualTo(String.valueOf(issueId));
        JsonNode exception = entry(event, "exception");
        JsonNode frames = exception.path("data").path("values").get(0).path("stacktrace").path("frames");
        assertThat(frames.get(frames.size() - 1).path("function").asString()).isEqualTo("checkout");
        assertThat(frames.get(frames.size() - 1).path("lineNo").asInt()).isEqualTo(12);
        assertThat(frames.get(frames.size() - 1).path("inApp").asBoolean()).isTrue();
        assertThat(event.path("tags")).anySatisfy(tag -> assertThat(tag.path("key").asString()).isEqualTo("level"));
        assertThat(api.get("/api/0/issues/" + issueId + "/events/oldest/").json().path("eventID").asString())
                .isEqualTo(first);
    }

    @Test
    void theIssuesEventsNewestFirstAndOneByIdOnlyWithinItsIssue() {
        JsonNode listed = api.get("/api/0/issues/" + issueId + "/events/").json();

        assertThat(listed).extracting(event -> event.path("eventID").asString()).containsExactly(second, first);
        assertThat(listed.get(0).has("entries")).isFalse();
        assertThat(api.get("/api/0/issues/" + issueId + "/events/?full=true").json().get(0).has("entries")).isTrue();
        assertThat(api.get("/api/0/issues/" + issueId + "/events/" + first + "/").json().path("eventID").asString())
                .isEqualTo(first);
        assertThat(api.get("/api/0/issues/" + issueId + "/events/" + other + "/").status()).isEqualTo(404);
        assertThat(api.get("/api/0/issues/" + issueId + "/events/not-an-id/").status()).isEqualTo(404);
        assertThat(api.get("/api/0/issues/" + issueId + "/events/?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void theProjectsEventsAndTheRawStoredEvent() {
        JsonNode listed = api.get("/api/0/projects/" + org + "/shop/events/").json();
        JsonNode one = api.get("/api/0/projects/" + org + "/shop/events/" + other + "/").json();
        JsonNode raw = api.get("/api/0/organizations/" + org + "/issues/" + issueId + "/events/" + first + "/json/")
                .json();

        assertThat(listed).hasSize(3);
        assertThat(one.path("title").asString()).isEqualTo("cart is empty");
        assertThat(raw.path("environment").asString()).isEqualTo("production");
        assertThat(raw.path("exception").path("values").get(0).path("value").asString()).isEqualTo("bad order 17");
    }

    @Test
    void anotherOrganizationSeesNoneOfTheEvents() {
        TestProjects.TestProject elsewhere = new TestProjects(context).create("elsewhere");
        Api theirs = new Api(port, new Fixtures(context).token(elsewhere.owner(), "org:read", "project:read",
                "event:read"));

        assertThat(theirs.get("/api/0/issues/" + issueId + "/events/").status()).isEqualTo(404);
        assertThat(theirs.get("/api/0/projects/" + org + "/shop/events/").status()).isEqualTo(404);
        assertThat(theirs.get("/api/0/projects/" + elsewhere.membership().organization().slug() + "/elsewhere/events/"
                + first + "/").status()).isEqualTo(404);
    }

    /** GitLab's Sentry client: projects, a list by frequency, one issue, its latest event, and resolving it. */
    @Test
    void gitLabsErrorTrackingFlow() {
        JsonNode projects = api.get("/api/0/projects/").json();
        assertThat(projects).anySatisfy(project -> {
            assertThat(project.path("slug").asString()).isEqualTo("shop");
            assertThat(project.path("organization").path("slug").asString()).isEqualTo(org);
            assertThat(project.path("organization").path("name").asString()).isNotBlank();
        });

        Api.Response list = api.get("/api/0/projects/" + org + "/shop/issues/?query=is%3Aunresolved&limit=20"
                + "&sort=freq");
        assertThat(list.headers().firstValue("Link")).isPresent();
        JsonNode top = list.json().get(0);
        assertThat(top.path("id").asString()).isEqualTo(String.valueOf(issueId));
        assertThat(top.path("count").asString()).isEqualTo("2");

        JsonNode issue = api.get("/api/0/issues/" + issueId + "/").json();
        assertThat(issue.path("project").path("slug").asString()).isEqualTo("shop");
        JsonNode latest = api.get("/api/0/issues/" + issueId + "/events/latest/").json();
        assertThat(entry(latest, "exception").path("data").path("values")).hasSize(1);

        Api.Response resolved = api.put("/api/0/issues/" + issueId + "/", "{\"status\":\"resolved\"}");
        assertThat(resolved.json().path("status").asString()).isEqualTo("resolved");
        assertThat(api.get("/api/0/projects/" + org + "/shop/issues/?query=is%3Aunresolved&limit=20&sort=freq")
                .json()).extracting(row -> row.path("id").asString()).doesNotContain(String.valueOf(issueId));
    }

    private static JsonNode entry(JsonNode event, String type) {
        for (JsonNode entry : event.path("entries")) {
            if (entry.path("type").asString().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " entry in " + event);
    }
}
