package dev.faultline.issue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.faultline.support.Browser;
import dev.faultline.support.Events;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.TestProjects;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The issue list page: filters in the URL, search errors shown in place, jumps, bulk actions, in a browser too. */
@IntegrationTest
class IssueListPageTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject shop;
    WebSession owner;
    String org;

    @BeforeEach
    void issuesInTwoEnvironments() {
        shop = new TestProjects(context).create("shop");
        Events events = new Events(port, shop, jdbc);
        org = shop.membership().organization().slug();
        owner = new WebSession(port);
        owner.signIn(shop.owner().email(), "owner-password");
        events.send(Events.exception("ValueError", "bad order", "checkout", "\"environment\":\"production\""));
        events.send(Events.exception("KeyError", "basket", "refund", "\"environment\":\"staging\""));
        events.send(Events.message("cart is empty", "\"environment\":\"production\""));
        events.await(3);
    }

    @Test
    void theListShowsEachIssueWithItsShortIdAndTrend() {
        String page = owner.get("/" + org + "/issues").body();

        assertThat(page).contains("ValueError: bad order", "KeyError: basket", "cart is empty", "SHOP-1",
                "shop.views in checkout", "<polyline points=\"");
    }

    @Test
    void filtersAndSearchAreKeptInTheUrl() {
        String production = owner.get("/" + org + "/issues?environment=production&sort=new").body();
        String warnings = owner.get("/" + org + "/issues?query=" + encode("level:warning")).body();
        String text = owner.get("/" + org + "/issues?query=" + encode("is:unresolved refund")).body();

        assertThat(production).contains("ValueError: bad order", "cart is empty").doesNotContain("KeyError: basket");
        assertThat(production).contains("<option value=\"new\" selected=\"selected\">First seen</option>");
        assertThat(warnings).contains("cart is empty").doesNotContain("ValueError: bad order");
        assertThat(text).contains("KeyError: basket").doesNotContain("cart is empty");
    }

    @Test
    void aQueryThatDoesNotParseSaysWhyOnThePage() {
        HttpResponse<String> response = owner.get("/" + org + "/issues?query=" + encode("is:sleeping"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data-testid=\"search-error\"", "sleeping");
    }

    @Test
    void aShortIdOrEventIdOpensItsIssue() {
        long id = Issues.of(jdbc, shop.id()).getFirst().id();
        String shortId = Issues.of(jdbc, shop.id()).getFirst().shortId();

        HttpResponse<String> response = owner.get("/" + org + "/issues?query=" + shortId);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(response)).endsWith("/" + org + "/issues/" + id);
    }

    @Test
    void resolvingSelectedIssuesTakesThemOffTheUnresolvedList() {
        long id = issue("cart is empty");

        HttpResponse<String> response = owner.submit("/" + org + "/issues", "/" + org + "/issues",
                Map.of("action", "resolve", "id", String.valueOf(id), "query", "is:unresolved"));

        assertThat(response.statusCode()).isEqualTo(302);
        String after = owner.get(WebSession.location(response).replaceFirst("^https?://[^/]+", "")).body();
        assertThat(after).contains("Resolved 1 issue.").doesNotContain("cart is empty");
        assertThat(statusOf(id)).isEqualTo("resolved");
    }

    @Test
    void ignoringEverythingThatMatchesTheSearch() {
        HttpResponse<String> response = owner.submit("/" + org + "/issues", "/" + org + "/issues",
                Map.of("action", "ignore", "all", "true", "query", "environment:production"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Issues.of(jdbc, shop.id())).extracting(Issues.Row::title, Issues.Row::status)
                .containsExactlyInAnyOrder(tuple("ValueError: bad order", "ignored"),
                        tuple("KeyError: basket", "unresolved"),
                        tuple("cart is empty", "ignored"));
    }

    @Test
    void aBulkActionWithoutTheCsrfTokenChangesNothing() {
        long id = issue("cart is empty");

        HttpResponse<String> response = owner.post("/" + org + "/issues",
                Map.of("action", "resolve", "id", String.valueOf(id)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(statusOf(id)).isEqualTo("unresolved");
    }

    @Test
    void anotherOrganizationsMemberGetsNotFound() {
        TestProjects.TestProject elsewhere = new TestProjects(context).create("elsewhere");

        WebSession stranger = new WebSession(port);
        stranger.signIn(elsewhere.owner().email(), "owner-password");
        HttpResponse<String> response = stranger.get("/" + org + "/issues");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void inABrowserFilterOpenAndResolve() {
        try (var browser = Browser.open(port)) {
            browser.go("/login").type("#email", shop.owner().email()).type("#password", "owner-password")
                    .submit("main button[type=submit]");
            browser.go("/" + org + "/issues").screenshot("issues-01-list");
            assertThat(browser.text("[data-testid=issue-list]")).contains("ValueError: bad order", "KeyError: basket");

            browser.type("#query", "is:unresolved environment:staging").submit(".search-row button")
                    .screenshot("issues-02-filtered");
            assertThat(browser.text("[data-testid=issue-list]")).contains("KeyError: basket")
                    .doesNotContain("ValueError");

            browser.go("/" + org + "/issues");
            browser.find("[data-testid=issue-row]:last-child input[name=id]").click();
            browser.submit("button[value=resolve]").screenshot("issues-03-resolved");
            assertThat(browser.text("main")).contains("Resolved 1 issue.");
            assertThat(browser.find("[data-testid=issue-list]").findElements(
                    By.cssSelector("[data-testid=issue-row]"))).hasSize(2);
        }
    }

    private long issue(String title) {
        return Issues.of(jdbc, shop.id()).stream().filter(row -> row.title().equals(title)).findFirst().orElseThrow()
                .id();
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM issues WHERE id = ?").param(id).query(String.class).single();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
