package dev.faultline.issue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.account.User;
import dev.faultline.organization.Role;
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

/** The issue API as Sentry's clients call it: lists, one issue, bulk changes, tags, hashes and comments. */
@IntegrationTest
class IssueApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject shop;
    Events events;
    Api api;
    String org;

    @BeforeEach
    void threeEventsInTwoIssues() {
        shop = new TestProjects(context).create("shop");
        events = new Events(port, shop, jdbc);
        org = shop.membership().organization().slug();
        api = new Api(port, new Fixtures(context).token(shop.owner(), "org:read", "project:read", "event:read",
                "event:write", "event:admin"));
        events.send(Events.exception("ValueError", "bad order 17", "checkout",
                "\"environment\":\"production\",\"release\":\"shop@1.2.0\",\"tags\":{\"region\":\"eu\"}"));
        events.send(Events.exception("ValueError", "bad order 18", "checkout",
                "\"environment\":\"staging\",\"release\":\"shop@1.3.0\",\"tags\":{\"region\":\"us\"}"));
        events.send(Events.message("cart is empty", "\"environment\":\"production\""));
        events.await(3);
    }

    @Test
    void theOrganizationsIssuesHaveSentrysShape() {
        Api.Response response = api.get("/api/0/organizations/" + org + "/issues/");

        assertThat(response.status()).isEqualTo(200);
        JsonNode issue = byTitle(response.json(), "ValueError: bad order 18");
        assertThat(issue.path("shortId").asString()).matches("SHOP-\\d+");
        assertThat(issue.path("culprit").asString()).isEqualTo("shop.views in checkout");
        assertThat(issue.path("count").isString()).isTrue();
        assertThat(issue.path("count").asString()).isEqualTo("2");
        assertThat(issue.path("userCount").isNumber()).isTrue();
        assertThat(issue.path("level").asString()).isEqualTo("error");
        assertThat(issue.path("status").asString()).isEqualTo("unresolved");
        assertThat(issue.path("project").path("slug").asString()).isEqualTo("shop");
        assertThat(issue.path("project").path("id").asString()).isEqualTo(String.valueOf(shop.id()));
        assertThat(issue.path("metadata").path("type").asString()).isEqualTo("ValueError");
        assertThat(issue.path("permalink").asString()).endsWith("/" + org + "/issues/" + issue.path("id").asString()
                + "/");
        assertThat(issue.path("firstSeen").asString()).isNotBlank();
        assertThat(issue.path("stats").path("24h")).hasSize(24);
        assertThat(issue.path("stats").path("24h").get(23).get(1).asLong()).isEqualTo(2);
        assertThat(issue.path("lifetime").path("count").asString()).isEqualTo("2");
        assertThat(response.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"; results=\"false\"");
    }

    @Test
    void gitLabListsAProjectsUnresolvedIssuesByFrequencyAndPagesWithTheLinkHeader() {
        Api.Response first = api.get("/api/0/projects/" + org + "/shop/issues/?query=is:unresolved&limit=1&sort=freq");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).singleElement().satisfies(issue ->
                assertThat(issue.path("title").asString()).isEqualTo("ValueError: bad order 18"));
        String next = cursor(first, "next");
        assertThat(next).isNotNull();

        Api.Response second = api.get("/api/0/projects/" + org + "/shop/issues/?query=is:unresolved&limit=1&sort=freq"
                + "&cursor=" + next);
        assertThat(second.json()).singleElement().satisfies(issue ->
                assertThat(issue.path("title").asString()).isEqualTo("cart is empty"));
        assertThat(cursor(second, "next")).isNull();

        Api.Response back = api.get("/api/0/projects/" + org + "/shop/issues/?query=is:unresolved&limit=1&sort=freq"
                + "&cursor=" + cursor(second, "previous"));
        assertThat(back.json()).singleElement().satisfies(issue ->
                assertThat(issue.path("title").asString()).isEqualTo("ValueError: bad order 18"));
    }

    @Test
    void grafanaListsIssuesOfAProjectAndEnvironmentInATimeRange() {
        String start = "2020-01-01T00:00:00";
        String end = "2999-01-01T00:00:00";
        Api.Response response = api.get("/api/0/organizations/" + org + "/issues/?query="
                + encode("is:unresolved") + "&project=" + shop.id() + "&environment=production&start=" + start
                + "&end=" + end + "&limit=10000&sort=date");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).extracting(issue -> issue.path("title").asString())
                .containsExactly("cart is empty", "ValueError: bad order 18");
    }

    @Test
    void oneIssueByIdHasItsReleasesAndTags() {
        long id = issueId("ValueError: bad order 18");

        JsonNode issue = api.get("/api/0/issues/" + id + "/").json();

        assertThat(issue.path("firstRelease").path("version").asString()).isEqualTo("shop@1.2.0");
        assertThat(issue.path("firstRelease").path("shortVersion").asString()).isEqualTo("1.2.0");
        assertThat(issue.path("lastRelease").path("version").asString()).isEqualTo("shop@1.3.0");
        assertThat(issue.path("stats").path("14d")).hasSize(14);
        assertThat(issue.path("tags")).anySatisfy(tag -> {
            assertThat(tag.path("key").asString()).isEqualTo("region");
            assertThat(tag.path("totalValues").asLong()).isEqualTo(2);
        });
        assertThat(api.get("/api/0/organizations/" + org + "/issues/" + id + "/").status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationsIssueIsNotFound() {
        long id = issueId("cart is empty");
        TestProjects.TestProject elsewhere = new TestProjects(context).create("elsewhere");
        var strangers = elsewhere.membership();
        Api theirs = new Api(port, new Fixtures(context).token(elsewhere.owner(), "org:read", "project:read", "event:read",
                "event:write", "event:admin"));

        assertThat(theirs.get("/api/0/issues/" + id + "/").status()).isEqualTo(404);
        assertThat(theirs.put("/api/0/issues/" + id + "/", "{\"status\":\"resolved\"}").status()).isEqualTo(404);
        assertThat(theirs.delete("/api/0/issues/" + id + "/").status()).isEqualTo(404);
        assertThat(theirs.get("/api/0/issues/" + id + "/events/latest/").status()).isEqualTo(404);
        assertThat(theirs.get("/api/0/organizations/" + strangers.organization().slug() + "/issues/" + id + "/")
                .status()).isEqualTo(404);
        assertThat(theirs.get("/api/0/organizations/" + org + "/issues/").status()).isEqualTo(404);
        assertThat(theirs.put("/api/0/organizations/" + strangers.organization().slug() + "/issues/?id=" + id,
                "{\"status\":\"resolved\"}").status()).isEqualTo(204);
        assertThat(Issues.of(jdbc, shop.id())).extracting(Issues.Row::status).containsOnly("unresolved");
    }

    @Test
    void aReadOnlyTokenReadsButCannotChange() {
        long id = issueId("cart is empty");
        Api readOnly = new Api(port, new Fixtures(context).token(shop.owner(), "org:read", "project:read",
                "event:read"));

        assertThat(readOnly.get("/api/0/issues/" + id + "/").status()).isEqualTo(200);
        assertThat(readOnly.put("/api/0/issues/" + id + "/", "{\"status\":\"resolved\"}").status()).isEqualTo(403);
        assertThat(readOnly.put("/api/0/organizations/" + org + "/issues/?id=" + id, "{\"status\":\"resolved\"}")
                .status()).isEqualTo(403);
        assertThat(readOnly.delete("/api/0/issues/" + id + "/").status()).isEqualTo(403);
        assertThat(readOnly.post("/api/0/issues/" + id + "/comments/", "{\"text\":\"hi\"}").status())
                .isEqualTo(403);
        Api writer = new Api(port, new Fixtures(context).token(shop.owner(), "org:read", "project:read",
                "event:read", "event:write"));
        assertThat(writer.delete("/api/0/issues/" + id + "/").status()).isEqualTo(403);
        assertThat(Issues.of(jdbc, shop.id())).hasSize(2).extracting(Issues.Row::status).containsOnly("unresolved");
    }

    @Test
    void resolvingAnIssueTakesItOffTheUnresolvedListAndRecordsWhoDidIt() {
        long id = issueId("cart is empty");

        Api.Response response = api.put("/api/0/issues/" + id + "/", "{\"status\":\"resolved\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("resolved");
        assertThat(titles(api.get("/api/0/projects/" + org + "/shop/issues/").json()))
                .containsExactly("ValueError: bad order 18");
        assertThat(jdbc.sql("SELECT kind || ':' || coalesce(user_id::text, 'faultline') FROM issue_activity WHERE issue_id = ? ORDER BY id")
                .param(id).query(String.class).list()).containsExactly("created:faultline", "resolved:" + shop.owner().id());
    }

    @Test
    void bulkIgnoreUntilMoreEventsAndAssignByEmail() {
        long id = issueId("cart is empty");
        User colleague = new Fixtures(context).user("colleague@example.com");
        new Fixtures(context).join(shop.membership(), colleague, Role.MEMBER);

        Api.Response ignored = api.put("/api/0/organizations/" + org + "/issues/?id=" + id,
                "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreCount\":2}}");
        Api.Response assigned = api.put("/api/0/organizations/" + org + "/issues/?id=" + id,
                "{\"assignedTo\":\"COLLEAGUE@example.com\"}");

        assertThat(ignored.status()).as(ignored.body()).isEqualTo(200);
        assertThat(ignored.json().path("status").asString()).isEqualTo("ignored");
        assertThat(assigned.json().path("assignedTo").path("email").asString()).isEqualTo("colleague@example.com");
        JsonNode issue = api.get("/api/0/issues/" + id + "/").json();
        assertThat(issue.path("statusDetails").path("ignoreCount").asLong()).isEqualTo(2);
        assertThat(issue.path("assignedTo").path("id").asString()).isEqualTo(String.valueOf(colleague.id()));

        events.send(Events.message("cart is empty", ""));
        events.await(4);
        assertThat(statusOf(id)).isEqualTo("ignored");
        events.send(Events.message("cart is empty", ""));
        events.await(5);
        assertThat(statusOf(id)).isEqualTo("unresolved");
    }

    @Test
    void badChangesAreRefusedWithADetailAndChangeNothing() {
        long id = issueId("cart is empty");

        Api.Response status = api.put("/api/0/issues/" + id + "/", "{\"status\":\"fixed\"}");
        Api.Response assignee = api.put("/api/0/issues/" + id + "/", "{\"assignedTo\":\"nobody@example.com\"}");
        Api.Response count = api.put("/api/0/issues/" + id + "/",
                "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreCount\":0}}");
        Api.Response sort = api.get("/api/0/organizations/" + org + "/issues/?sort=sideways");
        Api.Response period = api.get("/api/0/organizations/" + org + "/issues/?statsPeriod=fortnight");

        assertThat(List.of(status, assignee, count, sort, period)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.detail()).isNotBlank();
        });
        assertThat(assignee.detail()).contains("nobody@example.com");
        assertThat(statusOf(id)).isEqualTo("unresolved");
    }

    @Test
    void mergingTwoIssuesMakesOneAndUnmergingAHashSplitsItAgain() {
        long errors = issueId("ValueError: bad order 18");
        long message = issueId("cart is empty");

        Api.Response merged = api.put("/api/0/organizations/" + org + "/issues/?id=" + errors + "&id=" + message,
                "{\"merge\":1}");

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("merge").path("parent").asString()).isEqualTo(String.valueOf(errors));
        assertThat(Issues.of(jdbc, shop.id())).singleElement().extracting(Issues.Row::timesSeen).isEqualTo(3L);
        JsonNode hashes = api.get("/api/0/issues/" + errors + "/hashes/").json();
        assertThat(hashes).hasSize(2);
        assertThat(jdbc.sql("""
                        SELECT value || ' ' || times_seen FROM issue_tag_values
                        WHERE issue_id = ? AND key = 'environment' ORDER BY value""")
                .param(errors).query(String.class).list()).containsExactly("production 2", "staging 1");

        String messageHash = jdbc.sql("SELECT hash FROM events WHERE issue_id = ? GROUP BY hash HAVING count(*) = 1")
                .param(errors).query(String.class).single();
        assertThat(api.delete("/api/0/organizations/" + org + "/issues/" + errors + "/hashes/?id=" + messageHash)
                .status()).isEqualTo(202);
        assertThat(Issues.of(jdbc, shop.id())).extracting(Issues.Row::timesSeen).containsExactlyInAnyOrder(2L, 1L);
    }

    @Test
    void deletingIssuesInBulk() {
        long id = issueId("cart is empty");

        assertThat(api.delete("/api/0/organizations/" + org + "/issues/?id=" + id).status()).isEqualTo(204);

        assertThat(Issues.of(jdbc, shop.id())).extracting(Issues.Row::title).containsExactly("ValueError: bad order 18");
    }

    @Test
    void commentsAreWrittenListedEditedAndDeletedByTheirAuthor() {
        long id = issueId("cart is empty");

        Api.Response created = api.post("/api/0/issues/" + id + "/comments/", "{\"text\":\"Looking into it\"}");
        Api.Response glitchTipStyle = api.post("/api/0/issues/" + id + "/comments/",
                "{\"data\":{\"text\":\"Fixed in **1.3**\"}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(glitchTipStyle.status()).isEqualTo(201);
        String commentId = created.json().path("id").asString();
        assertThat(api.put("/api/0/issues/" + id + "/comments/" + commentId + "/", "{\"text\":\"Looking\"}").status())
                .isEqualTo(200);
        JsonNode listed = api.get("/api/0/issues/" + id + "/comments/").json();
        assertThat(listed).extracting(comment -> comment.path("data").path("text").asString())
                .containsExactly("Fixed in **1.3**", "Looking");
        assertThat(api.get("/api/0/issues/" + id + "/").json().path("numComments").asLong()).isEqualTo(2);

        User colleague = new Fixtures(context).user("colleague@example.com");
        new Fixtures(context).join(shop.membership(), colleague, Role.ADMIN);
        Api theirs = new Api(port, new Fixtures(context).token(colleague, "event:read", "event:write"));
        assertThat(theirs.delete("/api/0/issues/" + id + "/comments/" + commentId + "/").status()).isEqualTo(403);
        assertThat(api.delete("/api/0/issues/" + id + "/comments/" + commentId + "/").status()).isEqualTo(204);
        assertThat(api.post("/api/0/issues/" + id + "/comments/", "{\"text\":\"  \"}").status()).isEqualTo(400);
        assertThat(api.get("/api/0/issues/" + id + "/comments/").json()).hasSize(1);
    }

    @Test
    void tagValuesOfAnIssueAndTheOrganizationsEnvironments() {
        long id = issueId("ValueError: bad order 18");

        JsonNode values = api.get("/api/0/issues/" + id + "/tags/environment/values/").json();
        JsonNode environments = api.get("/api/0/organizations/" + org + "/environments/").json();

        assertThat(values).extracting(value -> value.path("value").asString() + ":" + value.path("count").asLong())
                .containsExactlyInAnyOrder("production:1", "staging:1");
        assertThat(environments).extracting(environment -> environment.path("name").asString())
                .containsExactly("production", "staging");
        assertThat(api.get("/api/0/issues/" + id + "/tags/nothing/").status()).isEqualTo(404);
    }

    @Test
    void issuesStatsGivesTheCountsOfIssuesAskedFor() {
        long id = issueId("ValueError: bad order 18");

        JsonNode stats = api.get("/api/0/organizations/" + org + "/issues-stats/?groups=" + id
                + "&groupStatsPeriod=14d").json();

        assertThat(stats).singleElement().satisfies(issue -> {
            assertThat(issue.path("count").asString()).isEqualTo("2");
            assertThat(issue.path("stats").path("14d")).hasSize(14);
        });
    }

    private long issueId(String title) {
        return Issues.of(jdbc, shop.id()).stream().filter(row -> row.title().equals(title)).findFirst().orElseThrow()
                .id();
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM issues WHERE id = ?").param(id).query(String.class).single();
    }

    private static JsonNode byTitle(JsonNode issues, String title) {
        for (JsonNode issue : issues) {
            if (issue.path("title").asString().equals(title)) {
                return issue;
            }
        }
        throw new AssertionError("no issue titled " + title + " in " + issues);
    }

    private static List<String> titles(JsonNode issues) {
        List<String> titles = new ArrayList<>();
        issues.forEach(issue -> titles.add(issue.path("title").asString()));
        return titles;
    }

    /** The cursor of the page a Link header names, when it says there are results there. */
    private static String cursor(Api.Response response, String rel) {
        Matcher matcher = Pattern.compile("rel=\"" + rel + "\"; results=\"(true|false)\"; cursor=\"([^\"]+)\"")
                .matcher(response.headers().firstValue("Link").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1).equals("true") ? encode(matcher.group(2)) : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
