package dev.faultline.issue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.faultline.account.ApiTokens;
import dev.faultline.account.Scope;
import dev.faultline.support.Api;
import dev.faultline.support.Events;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.TestProjects;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every issue and event route, walked as an anonymous caller (401), as the owner of another organization (404), and
 * with a token lacking the route's scope (403); nothing changes on the way.
 */
@IntegrationTest
class IssueApiAccessTests {

    record Route(String method, String path, String body, Scope scope) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    TestProjects.TestProject shop;
    List<Route> routes;

    @BeforeEach
    void anIssueWithAnEventAndAComment() {
        shop = new TestProjects(context).create("shop");
        Events events = new Events(port, shop, jdbc);
        String eventId = events.send(Events.exception("ValueError", "bad order", "checkout", ""));
        long id = events.await(1).getFirst().id();
        long comment = jdbc.sql("INSERT INTO issue_comments (issue_id, user_id, body) VALUES (?, ?, 'hi') RETURNING id")
                .params(id, shop.owner().id()).query(Long.class).single();
        String org = "/api/0/organizations/" + shop.membership().organization().slug();
        String project = "/api/0/projects/" + shop.membership().organization().slug() + "/shop";
        String issue = "/api/0/issues/" + id;
        String status = "{\"status\": \"resolved\"}";
        routes = List.of(
                new Route("GET", org + "/issues/", null, Scope.EVENT_READ),
                new Route("PUT", org + "/issues/?id=" + id, status, Scope.EVENT_WRITE),
                new Route("DELETE", org + "/issues/?id=" + id, null, Scope.EVENT_ADMIN),
                new Route("GET", project + "/issues/", null, Scope.EVENT_READ),
                new Route("PUT", project + "/issues/?id=" + id, status, Scope.EVENT_WRITE),
                new Route("DELETE", project + "/issues/?id=" + id, null, Scope.EVENT_ADMIN),
                new Route("GET", issue + "/", null, Scope.EVENT_READ),
                new Route("PUT", issue + "/", status, Scope.EVENT_WRITE),
                new Route("DELETE", issue + "/", null, Scope.EVENT_ADMIN),
                new Route("GET", org + "/issues/" + id + "/", null, Scope.EVENT_READ),
                new Route("PUT", org + "/issues/" + id + "/", status, Scope.EVENT_WRITE),
                new Route("DELETE", org + "/issues/" + id + "/", null, Scope.EVENT_ADMIN),
                new Route("GET", issue + "/events/", null, Scope.EVENT_READ),
                new Route("GET", issue + "/events/latest/", null, Scope.EVENT_READ),
                new Route("GET", issue + "/events/" + eventId + "/", null, Scope.EVENT_READ),
                new Route("GET", org + "/issues/" + id + "/events/" + eventId + "/json/", null, Scope.EVENT_READ),
                new Route("GET", project + "/events/", null, Scope.EVENT_READ),
                new Route("GET", project + "/events/" + eventId + "/", null, Scope.EVENT_READ),
                new Route("GET", issue + "/tags/", null, Scope.EVENT_READ),
                new Route("GET", issue + "/tags/level/", null, Scope.EVENT_READ),
                new Route("GET", issue + "/tags/level/values/", null, Scope.EVENT_READ),
                new Route("GET", issue + "/hashes/", null, Scope.EVENT_READ),
                new Route("DELETE", org + "/issues/" + id + "/hashes/?id=abc", null, Scope.EVENT_WRITE),
                new Route("GET", issue + "/comments/", null, Scope.EVENT_READ),
                new Route("POST", issue + "/comments/", "{\"text\": \"mine\"}", Scope.EVENT_WRITE),
                new Route("PUT", issue + "/comments/" + comment + "/", "{\"text\": \"edited\"}", Scope.EVENT_WRITE),
                new Route("DELETE", issue + "/comments/" + comment + "/", null, Scope.EVENT_WRITE),
                new Route("GET", issue + "/user-reports/", null, Scope.EVENT_READ),
                new Route("GET", org + "/issues-stats/?groups=" + id, null, Scope.EVENT_READ),
                new Route("GET", org + "/environments/", null, Scope.EVENT_READ));
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        var soft = new SoftAssertions();
        for (Route route : routes) {
            var response = Api.anonymous(port).send(route.method(), route.path(), route.body());
            soft.assertThat(response.status()).as(route.toString()).isEqualTo(401);
        }
        soft.assertAll();
        assertNothingChanged();
    }

    @Test
    void theOwnerOfAnotherOrganizationFindsNothing() {
        TestProjects.TestProject elsewhere = new TestProjects(context).create("elsewhere");
        var outsider = new Api(port, tokens.create(elsewhere.owner().id(), "all", Scope.values(Scope.all())).value());
        var soft = new SoftAssertions();
        for (Route route : routes) {
            var response = outsider.send(route.method(), route.path(), route.body());
            soft.assertThat(response.status()).as(route.toString()).isEqualTo(404);
            soft.assertThat(response.detail()).as(route.toString()).isEqualTo("Not found.");
        }
        soft.assertAll();
        assertNothingChanged();
    }

    @Test
    void tokensWithoutTheScopeAreForbidden() {
        var soft = new SoftAssertions();
        for (Route route : routes) {
            Set<String> scopes = Scope.all().stream().filter(scope -> !scope.satisfies(route.scope()))
                    .map(Scope::value).collect(Collectors.toSet());
            var limited = new Api(port, tokens.create(shop.owner().id(), "without " + route.scope().value(), scopes)
                    .value());
            var response = limited.send(route.method(), route.path(), route.body());
            soft.assertThat(response.status()).as(route.toString()).isEqualTo(403);
        }
        soft.assertAll();
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        var soft = new SoftAssertions();
        soft.assertThat(Issues.of(jdbc, shop.id())).extracting(Issues.Row::status).containsExactly("unresolved");
        soft.assertThat(jdbc.sql("SELECT body FROM issue_comments").query(String.class).list()).containsExactly("hi");
        soft.assertAll();
    }
}
