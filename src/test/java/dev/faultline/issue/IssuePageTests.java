package dev.faultline.issue;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.faultline.support.Events;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.TestProjects;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The issue page as a signed-in member reads it and acts on it, through its forms. */
@IntegrationTest
class IssuePageTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject shop;
    Events events;
    WebSession owner;
    String page;
    String firstEvent;
    String secondEvent;

    @BeforeEach
    void twoEventsOfOneIssue() {
        shop = new TestProjects(context).create("shop");
        events = new Events(port, shop, jdbc);
        firstEvent = events.send(Events.exception("ValueError", "bad order 17", "checkout",
                "\"environment\":\"production\",\"tags\":{\"region\":\"eu west\"}"));
        events.await(1);
        secondEvent = events.send(Events.exception("ValueError", "bad order 18", "checkout",
                "\"environment\":\"staging\""));
        Issues.Row issue = events.await(2).getFirst();
        owner = new WebSession(port);
        owner.signIn(shop.owner().email(), "owner-password");
        page = "/" + shop.membership().organization().slug() + "/issues/" + issue.id();
    }

    @Test
    void showsTheTitleFramesAndSourceOfTheLatestEvent() {
        HttpResponse<String> response = owner.get(page);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ValueError: bad order 18", "SHOP-", "shop/views.py", "checkout",
                "raise Error()", "def checkout(request):", "error-line", secondEvent);
        assertThat(response.body()).as("the tag bar links to the list filtered by it")
                .contains("/issues?query=region%3A%22eu+west%22");
    }

    @Test
    void navigatesBetweenTheEvents() {
        String latest = owner.get(page).body();
        assertThat(latest).contains(page + "/events/" + firstEvent + "\" data-testid=\"older\"");

        String oldest = owner.get(page + "/events/" + firstEvent).body();
        assertThat(oldest).contains("bad order 17", page + "/events/" + secondEvent + "\" data-testid=\"newer\"");
        assertThat(owner.get(page + "/events/oldest").body()).contains("bad order 17");
        assertThat(owner.get(page + "/events").body()).contains(firstEvent, secondEvent);
        assertThat(owner.get(page + "/events?query=environment:staging").body()).contains(secondEvent)
                .doesNotContain(firstEvent);
    }

    @Test
    void showsTheRawTraceAndTheStoredJson() {
        assertThat(owner.get(page + "?frames=raw").body()).contains("Traceback (most recent call last)");
        HttpResponse<String> json = owner.get(page + "/events/" + secondEvent + "/json");
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.body()).contains("\"bad order 18\"");
        assertThat(owner.get(page + "/markdown").body()).startsWith("# SHOP-");
    }

    @Test
    void resolvesThroughTheFormAndRecordsIt() {
        HttpResponse<String> response = owner.submit(page, page + "/status", Map.of("action", "resolve"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(WebSession.location(response)).isEqualTo(page + "?done=resolved");
        assertThat(owner.get(WebSession.location(response)).body()).contains("The issue is resolved.",
                "badge status resolved");
        assertThat(owner.get(page + "/activity").body()).contains("resolved this");
    }

    @Test
    void refusesAnUnknownIgnoreAsANoticeOnThePage() {
        HttpResponse<String> response = owner.submit(page, page + "/status", Map.of("action", "ignore", "count", "0"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("data-testid=\"problem\"", "at least 1 more events");
    }

    @Test
    void rendersCommentMarkdownWithItsHtmlEscaped() {
        HttpResponse<String> response = owner.submit(page + "/activity", page + "/comments",
                Map.of("text", "**careful** <script>alert(1)</script>"));
        assertThat(response.statusCode()).isEqualTo(303);

        String activity = owner.get(page + "/activity").body();
        assertThat(activity).contains("<strong>careful</strong>", "&lt;script&gt;alert(1)&lt;/script&gt;", "commented")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void assignsAndRefusesToUnmergeTheOnlyFingerprint() {
        HttpResponse<String> assigned = owner.submit(page, page + "/assign",
                Map.of("assignee", String.valueOf(shop.owner().id())));
        assertThat(WebSession.location(assigned)).isEqualTo(page + "?done=assigned");
        assertThat(owner.get(page + "/activity").body()).contains("assigned this to Owner");

        String hashes = owner.get(page + "/hashes").body();
        String hash = hashes.replaceAll("(?s).*name=\"hash\" value=\"([0-9a-f]+)\".*", "$1");
        HttpResponse<String> refused = owner.submit(page + "/hashes", page + "/unmerge", Map.of("hash", hash));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("An issue keeps at least one of its hashes", "Merged fingerprints");
    }

    @Test
    void anotherOrganizationsMemberFindsNothing() {
        TestProjects.TestProject elsewhere = new TestProjects(context).create("elsewhere");
        WebSession stranger = new WebSession(port);
        stranger.signIn(elsewhere.owner().email(), "owner-password");

        assertThat(stranger.get(page).statusCode()).isEqualTo(404);
        String ownOrganization = "/" + elsewhere.membership().organization().slug();
        assertThat(stranger.get(ownOrganization + page.substring(page.indexOf("/issues"))).statusCode())
                .isEqualTo(404);
    }
}
