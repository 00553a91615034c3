package dev.faultline.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.faultline.account.AccountService;
import dev.faultline.event.IssueMerges;
import dev.faultline.issue.IssueFilter.SqlCondition;
import dev.faultline.support.Eventually;
import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Each search filter against real issues digested from real events: it selects exactly the issues it should. */
@IntegrationTest
class IssueSearchQueryTests {

    static final String NPE = "NullPointerException: cart was null";
    static final String VALUE_ERROR = "ValueError: bad order 17";
    static final String DISK = "disk almost full";
    static final String MEMORY = "MemoryError: out of memory";

    static final String NPE_EVENT = """
        {"platform":"java","level":"error","environment":"prod","release":"shop@1.0",
         "tags":{"browser":"Firefox"},"user":{"id":"u1"},
         "exception":{"values":[{"type":"NullPointerException","value":"cart was null","module":"java.lang",
          "stacktrace":{"frames":[
           {"module":"org.springframework.web.servlet.DispatcherServlet","function":"doDispatch",
            "filename":"DispatcherServlet.java","lineno":1089,"in_app":false},
           {"module":"com.example.Foo","function":"bar","filename":"Foo.java","lineno":7,"in_app":true}]}}]}}""";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject project;

    @BeforeEach
    void issues() {
        project = new TestProjects(context).create("shop");
        send(NPE_EVENT);
        send(NPE_EVENT);
        send("""
                {"platform":"python","level":"warning","environment":"staging","release":"shop@2.0",
                 "user":{"email":"ada@example.com"},"request":{"url":"https://shop.example.com/checkoutX1abc/pay"},
                 "exception":{"values":[{"type":"ValueError","value":"bad order 17","stacktrace":{"frames":[
                  {"module":"django.core.handlers","function":"inner","filename":"django/core/handlers.py",
                   "lineno":55,"in_app":false},
                  {"module":"shop.models","function":"checkout","filename":"app/models.py","lineno":12,
                   "in_app":true}]}}]}}""");
        send("""
                {"platform":"python","level":"info","environment":"prod","server_name":"web-1","logger":"disk",
                 "message":"disk almost full"}""");
        send("""
                {"platform":"python","level":"fatal","environment":"staging",
                 "request":{"url":"https://shop.example.com/checkout_1%/pay"},
                 "exception":{"values":[{"type":"MemoryError","value":"out of memory"}]}}""");
        Eventually.await(() -> Issues.of(jdbc, project.id()),
                rows -> rows.stream().mapToLong(Issues.Row::timesSeen).sum() == 5, Duration.ofSeconds(10));

        long bob = context.getBean(AccountService.class).register("Bob@Example.com", "Bob", "bob-password", true).id();
        update(NPE, "first_seen = now() - interval '2 hours', last_seen = now() - interval '1 hour', assignee_id = ?",
                project.owner().id());
        update(VALUE_ERROR, "first_seen = now() - interval '3 days', last_seen = now() - interval '30 minutes', "
                + "status = 'resolved', assignee_id = ?", bob);
        update(DISK, "first_seen = now() - interval '10 days', last_seen = now() - interval '9 days', "
                + "status = 'ignored'");
        update(MEMORY, "first_seen = '2020-01-31T10:00:00Z', last_seen = '2020-01-31T23:00:00Z', regressed = true");
    }

    @Test
    void statusesAndAssignees() {
        assertThat(search("is:unresolved")).containsExactlyInAnyOrder(MEMORY, NPE);
        assertThat(search("is:resolved")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("is:ignored")).containsExactlyInAnyOrder(DISK);
        assertThat(search("is:regressed")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("!is:unresolved")).containsExactlyInAnyOrder(VALUE_ERROR, DISK);
        assertThat(search("is:[resolved, ignored]")).containsExactlyInAnyOrder(VALUE_ERROR, DISK);
        assertThat(search("assigned:me")).containsExactlyInAnyOrder(NPE);
        assertThat(search("assigned:bob@EXAMPLE.com")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("assigned:none")).containsExactlyInAnyOrder(MEMORY, DISK);
        assertThat(search("is:assigned")).containsExactlyInAnyOrder(VALUE_ERROR, NPE);
        assertThat(search("!assigned:me")).containsExactlyInAnyOrder(MEMORY, VALUE_ERROR, DISK);
    }

    @Test
    void levels() {
        assertThat(search("level:error")).containsExactlyInAnyOrder(NPE);
        assertThat(search("level:>=error")).containsExactlyInAnyOrder(MEMORY, NPE);
        assertThat(search("level:[info, warn]")).containsExactlyInAnyOrder(VALUE_ERROR, DISK);
        assertThat(search("!level:error")).containsExactlyInAnyOrder(MEMORY, VALUE_ERROR, DISK);
    }

    @Test
    void tagsEnvironmentsAndReleases() {
        assertThat(search("environment:prod")).containsExactlyInAnyOrder(NPE, DISK);
        assertThat(search("!environment:prod")).containsExactlyInAnyOrder(MEMORY, VALUE_ERROR);
        assertThat(search("environment:[prod,staging]")).containsExactlyInAnyOrder(MEMORY, NPE, VALUE_ERROR, DISK);
        assertThat(search("browser:Firefox")).containsExactlyInAnyOrder(NPE);
        assertThat(search("has:browser")).containsExactlyInAnyOrder(NPE);
        assertThat(search("!has:browser")).containsExactlyInAnyOrder(MEMORY, VALUE_ERROR, DISK);
        assertThat(search("user:email:ada@example.com")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("server_name:web-*")).containsExactlyInAnyOrder(DISK);
        assertThat(search("logger:disk level:info")).containsExactlyInAnyOrder(DISK);
        assertThat(search("release:shop@1.0")).containsExactlyInAnyOrder(NPE);
        assertThat(search("release:shop@*")).containsExactlyInAnyOrder(NPE, VALUE_ERROR);
        assertThat(search("!release:shop@1.0")).containsExactlyInAnyOrder(MEMORY, VALUE_ERROR, DISK);
        assertThat(search("url:*/checkout_1%/*")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("nosuchtag:x")).isEmpty();
    }

    @Test
    void timesAndCounts() {
        assertThat(search("firstSeen:-24h")).containsExactlyInAnyOrder(NPE);
        assertThat(search("firstSeen:+24h")).containsExactlyInAnyOrder(MEMORY, VALUE_ERROR, DISK);
        assertThat(search("age:-7d")).containsExactlyInAnyOrder(NPE, VALUE_ERROR);
        assertThat(search("lastSeen:-45m")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("last_seen:+1w")).containsExactlyInAnyOrder(MEMORY, DISK);
        assertThat(search("firstSeen:2020-01-31")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("lastSeen:<2020-02-01")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("lastSeen:<2020-01-31T23:00:00")).isEmpty();
        assertThat(search("lastSeen:<=2020-01-31T21:00:00-02:00")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("lastSeen:>2020-01-31T23:00:00Z")).containsExactlyInAnyOrder(NPE, VALUE_ERROR, DISK);
        assertThat(search("times_seen:>1")).containsExactlyInAnyOrder(NPE);
        assertThat(search("timesSeen:1")).containsExactlyInAnyOrder(MEMORY, VALUE_ERROR, DISK);
    }

    @Test
    void freeTextFindsTitlesCulpritsExceptionsAndFrames() {
        assertThat(search("NullPointerException")).containsExactlyInAnyOrder(NPE);
        assertThat(search("nullpointer")).containsExactlyInAnyOrder(NPE);
        assertThat(search("DispatcherServlet")).containsExactlyInAnyOrder(NPE);
        assertThat(search("doDisp")).containsExactlyInAnyOrder(NPE);
        assertThat(search("Foo")).containsExactlyInAnyOrder(NPE);
        assertThat(search("models.py")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("django/core")).containsExactlyInAnyOrder(VALUE_ERROR);
        // The memory error's culprit is its URL, .../checkout_1%/pay.
        assertThat(search("checkout")).containsExactlyInAnyOrder(VALUE_ERROR, MEMORY);
        assertThat(search("\"bad order\"")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("\"order bad\"")).isEmpty();
        assertThat(search("\"Error: out of\"")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("memory full")).isEmpty();
        assertThat(search("almost DISK")).containsExactlyInAnyOrder(DISK);
        assertThat(search("100%")).isEmpty();
        assertThat(search("is:unresolved level:error Foo")).containsExactlyInAnyOrder(NPE);
    }

    @Test
    void freeTextIsCaseInsensitiveAndFindsPartsOfDottedAndSlashedWords() {
        assertThat(search("FOO.JAVA")).containsExactlyInAnyOrder(NPE);
        assertThat(search("example.fo")).containsExactlyInAnyOrder(NPE);
        assertThat(search("Lang")).containsExactlyInAnyOrder(NPE);
        assertThat(search("VALUEerror")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("odels.p")).containsExactlyInAnyOrder(VALUE_ERROR);
        assertThat(search("re/hand")).containsExactlyInAnyOrder(VALUE_ERROR);
    }

    @Test
    void percentAndUnderscoreInFreeTextAreThemselves() {
        assertThat(search("checkout_1%")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("bad_order")).isEmpty();
        assertThat(search("bad%17")).isEmpty();
        assertThat(search("%")).containsExactlyInAnyOrder(MEMORY);
        assertThat(search("_")).containsExactlyInAnyOrder(MEMORY);
    }

    @Test
    void theSearchTextIsWrittenOnceFromTheIssuesFirstEvent() {
        long npe = Issues.titled(jdbc, project.id(), NPE).id();
        String written = searchRowVersion(npe);
        // Framework frames do not change the grouping: the event joins the issue, and its stack does not change
        // what the issue is found by.
        send(NPE_EVENT.replace("doDispatch", "doService"));
        send(NPE_EVENT.replace("cart was null", "basket was null"));
        awaitEvents(7);

        // The newest message is found in the title.
        assertThat(search("basket")).containsExactly("NullPointerException: basket was null");
        assertThat(search("cart was null")).isEmpty();
        assertThat(search("doDispatch")).hasSize(1);
        assertThat(search("doService")).isEmpty();
        assertThat(searchRowVersion(npe)).isEqualTo(written);
    }

    @Test
    void aMergedIssueIsFoundByEveryMergedStackAndAnUnmergedOneByItsOwn() {
        long npe = Issues.titled(jdbc, project.id(), NPE).id();
        long valueError = Issues.titled(jdbc, project.id(), VALUE_ERROR).id();
        IssueMerges merges = context.getBean(IssueMerges.class);

        merges.merge(npe, List.of(valueError));

        assertThat(searchIds("Foo")).containsExactly(npe);
        assertThat(searchIds("models.py")).containsExactly(npe);
        assertThat(searchRows(valueError)).isZero();

        String hash = jdbc.sql("SELECT hash FROM events WHERE issue_id = ? GROUP BY hash HAVING count(*) = 1")
                .param(npe).query(String.class).single();
        long split = merges.unmerge(npe, project.id(), List.of(hash)).orElseThrow();

        assertThat(searchIds("models.py")).containsExactly(split);
        assertThat(searchIds("Foo")).containsExactly(npe);
    }

    @Test
    void deletingAnIssueDeletesItsSearchText() {
        long npe = Issues.titled(jdbc, project.id(), NPE).id();
        assertThat(searchRows(npe)).isOne();

        jdbc.sql("DELETE FROM issues WHERE id = ?").param(npe).update();

        assertThat(searchRows(npe)).isZero();
        assertThat(search("Foo")).isEmpty();
    }

    @Test
    void searchTextCannotBreakTheQuery() {
        assertThat(search("\"x'); DROP TABLE issues; --\" & | ! <-> :* \\")).isEmpty();
        assertThat(search("release:\"'\" environment:\"\\\"\" ':' !&:|")).isEmpty();
        assertThat(search("is:unresolved")).hasSize(2);
    }

    private List<String> search(String query) {
        SqlCondition condition = IssueSearch.parse(query, new IssueSearch.Context(project.owner().id(), Instant.now()))
                .condition();
        return jdbc.sql("SELECT i.title FROM issues i WHERE i.project_id = ? AND (" + condition.sql() + ") ")
                .param(project.id()).params(condition.params()).query(String.class).list();
    }

    private List<Long> searchIds(String query) {
        SqlCondition condition = IssueSearch.parse(query, new IssueSearch.Context(project.owner().id(), Instant.now()))
                .condition();
        return jdbc.sql("SELECT i.id FROM issues i WHERE i.project_id = ? AND (" + condition.sql() + ") ")
                .param(project.id()).params(condition.params()).query(Long.class).list();
    }

    private int searchRows(long issueId) {
        return jdbc.sql("SELECT count(*) FROM issue_search WHERE issue_id = ?").param(issueId).query(Integer.class)
                .single();
    }

    /** The row version of the issue's search text: a new one each time it is written. */
    private String searchRowVersion(long issueId) {
        return jdbc.sql("SELECT xmin::text FROM issue_search WHERE issue_id = ?").param(issueId).query(String.class)
                .single();
    }

    private void awaitEvents(long count) {
        Eventually.await(() -> Issues.of(jdbc, project.id()),
                rows -> rows.stream().mapToLong(Issues.Row::timesSeen).sum() == count, Duration.ofSeconds(10));
    }

    private void update(String title, String set, Object... params) {
        long id = Issues.titled(jdbc, project.id(), title).id();
        jdbc.sql("UPDATE issues SET " + set + " WHERE id = " + id).params(params).update();
    }

    private void send(String event) {
        String envelope = Ingest.eventEnvelope(UUID.randomUUID().toString().replace("-", ""), event.replace("\n", ""));
        var response = Ingest.to(port, project.id()).key(project.publicKey()).envelope(envelope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
