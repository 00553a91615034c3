package dev.faultline.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.faultline.account.User;
import dev.faultline.organization.Membership;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import dev.faultline.support.Api;
import dev.faultline.support.Eventually;
import dev.faultline.support.Fixtures;
import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/0/organizations/{org}/stats_v2/} on the real database: counts put in known hours (and once through
 * ingest and digest), read back grouped, filtered and bucketed as Sentry answers, and refused as Sentry refuses.
 */
@IntegrationTest("ENABLE_ORGANIZATION_CREATION=true")
class StatsApiTests {

    /** How Grafana's Sentry data source writes {@code start} and {@code end}: UTC without a zone. */
    static final DateTimeFormatter GRAFANA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Projects projects;

    /** Midnight UTC three days ago: recent enough for retention, far enough for fixed hours. */
    Instant day;
    Project api;
    Project web;
    Project otherOrganizations;
    User user;
    Api owner;

    @BeforeEach
    void twoProjectsWithCounts() {
        var fixtures = new Fixtures(context);
        user = fixtures.user("owner@acme.test");
        Membership acme = fixtures.organization(user, "Acme");
        api = projects.create(acme, null, "api", "api", null);
        web = projects.create(acme, null, "web", "web", null);
        User outsider = fixtures.user("owner@other.test");
        otherOrganizations = projects.create(fixtures.organization(outsider, "Other"), null, "api", "api", null);
        owner = new Api(port, fixtures.token(user, "org:read", "project:read"));
        day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));

        add(ProjectHours.ERRORS, api, 1, 5);
        add(ProjectHours.ERRORS, api, 3, 2);
        add(ProjectHours.TRANSACTIONS, api, 1, 40);
        add(ProjectHours.ERRORS, web, 3, 7);
        add(ProjectHours.ERRORS, web, 26, 11);
        add(ProjectHours.ERRORS, otherOrganizations, 1, 1000);
    }

    @Test
    void groupsByCategoryWithASeriesPerHour() {
        JsonNode stats = ok("groupBy=category&field=sum(quantity)&interval=1h&" + firstHours(6));

        assertThat(texts(stats.path("intervals"))).hasSize(6).first().isEqualTo(day.toString());
        assertThat(stats.path("start").asString()).isEqualTo(day.toString());
        assertThat(stats.path("end").asString()).isEqualTo(hour(6).toString());
        assertThat(group(stats, "category", "error").path("totals").path("sum(quantity)").asLong()).isEqualTo(14);
        assertThat(numbers(group(stats, "category", "error").path("series").path("sum(quantity)")))
                .containsExactly(0L, 5L, 0L, 9L, 0L, 0L);
        assertThat(numbers(group(stats, "category", "transaction").path("series").path("sum(quantity)")))
                .containsExactly(0L, 40L, 0L, 0L, 0L, 0L);
        assertThat(stats.path("groups")).hasSize(2);
    }

    @Test
    void groupsByProjectInDailyBuckets() {
        JsonNode stats = ok("groupBy=project&category=error&field=sum(quantity)&interval=1d&start="
                + GRAFANA_TIME.format(day) + "&end=" + GRAFANA_TIME.format(hour(47)));

        assertThat(texts(stats.path("intervals"))).containsExactly(day.toString(), hour(24).toString());
        assertThat(numbers(group(stats, "project", api.id()).path("series").path("sum(quantity)")))
                .containsExactly(7L, 0L);
        assertThat(numbers(group(stats, "project", web.id()).path("series").path("sum(quantity)")))
                .containsExactly(7L, 11L);
        assertThat(group(stats, "project", web.id()).path("totals").path("sum(quantity)").asLong()).isEqualTo(18);
        assertThat(stats.path("groups")).hasSize(2);
    }

    @Test
    void groupsByOutcomeAndReasonAsAcceptedWithoutAReason() {
        JsonNode stats = ok("groupBy=outcome&groupBy=reason&category=error&category=transaction"
                + "&field=sum(quantity)&field=sum(times_seen)&" + firstHours(6));

        JsonNode accepted = stats.path("groups").get(0);
        assertThat(stats.path("groups")).hasSize(1);
        assertThat(accepted.path("by").path("outcome").asString()).isEqualTo("accepted");
        assertThat(accepted.path("by").has("reason")).isTrue();
        assertThat(accepted.path("by").path("reason").isNull()).isTrue();
        assertThat(accepted.path("totals").path("sum(quantity)").asLong()).isEqualTo(54);
        assertThat(accepted.path("totals").path("sum(times_seen)").asLong()).isEqualTo(54);
    }

    @Test
    void outcomesOtherThanAcceptedAndCategoriesWithoutCountsAnswerNoGroups() {
        assertThat(ok("groupBy=outcome&category=error&outcome=rate_limited&outcome=filtered&field=sum(quantity)&"
                + firstHours(6)).path("groups")).isEmpty();
        assertThat(ok("groupBy=category&category=attachment&field=sum(quantity)&" + firstHours(6)).path("groups"))
                .isEmpty();
        assertThat(ok("category=error&reason=spike_protection&field=sum(quantity)&" + firstHours(6)).path("groups"))
                .isEmpty();
    }

    @Test
    void filtersByProjectRepeatedOrCommaSeparatedAndMinusOneMeansAll() {
        String query = "category=error&field=sum(quantity)&" + firstHours(48);

        assertThat(total(ok(query + "&project=" + api.id()))).isEqualTo(7);
        assertThat(total(ok(query + "&project=" + web.id()))).isEqualTo(18);
        assertThat(total(ok(query + "&project=" + api.id() + "&project=" + web.id()))).isEqualTo(25);
        assertThat(total(ok(query + "&project=" + api.id() + "," + web.id()))).isEqualTo(25);
        assertThat(total(ok(query + "&project=-1"))).isEqualTo(25);
        assertThat(total(ok(query))).isEqualTo(25);
    }

    @Test
    void anIntervalBelowAnHourIsAnsweredInHourlyBuckets() {
        JsonNode stats = ok("category=error&field=sum(quantity)&interval=30m&" + firstHours(4));

        assertThat(texts(stats.path("intervals"))).containsExactly(day.toString(), hour(1).toString(),
                hour(2).toString(), hour(3).toString());
        assertThat(numbers(stats.path("groups").get(0).path("series").path("sum(quantity)")))
                .containsExactly(0L, 5L, 0L, 9L);
    }

    @Test
    void replaysTheRequestOfGrafanasSentryDataSource() {
        // As pkg/sentry/stats_v2.go builds it: url.Values encoded in key order, times without a zone.
        String path = "/api/0/organizations/acme/stats_v2/?category=error&category=transaction&end="
                + GRAFANA_TIME.format(hour(6)).replace(":", "%3A") + "&field=sum%28quantity%29&groupBy=category"
                + "&groupBy=outcome&interval=1h&project=" + api.id() + "&start="
                + GRAFANA_TIME.format(day).replace(":", "%3A");

        var response = owner.get(path);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode stats = response.json();
        assertThat(texts(stats.path("intervals"))).hasSize(6);
        JsonNode errors = group(stats, "category", "error");
        assertThat(errors.path("by").path("outcome").asString()).isEqualTo("accepted");
        assertThat(numbers(errors.path("series").path("sum(quantity)"))).containsExactly(0L, 5L, 0L, 2L, 0L, 0L);
        assertThat(group(stats, "category", "transaction").path("totals").path("sum(quantity)").asLong())
                .isEqualTo(40);
    }

    @Test
    void countsWhatIngestAndDigestAccepted() {
        var shop = new TestProjects(context).create("shop");
        for (int i = 0; i < 3; i++) {
            var sent = Ingest.to(port, shop.id()).key(shop.publicKey()).envelope(Ingest.eventEnvelope(
                    UUID.randomUUID().toString().replace("-", ""),
                    "{\"message\":\"checkout failed\",\"level\":\"error\",\"platform\":\"python\"}"));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        }
        Eventually.await(() -> jdbc.sql("SELECT coalesce(sum(count), 0) FROM project_hourly_counts WHERE project_id = ?")
                .param(shop.id()).query(Long.class).single(), n -> n == 3, Duration.ofSeconds(10));
        var token = new Fixtures(context).token(shop.owner(), "org:read", "project:read");

        var response = new Api(port, token).get("/api/0/organizations/org-shop/stats_v2/"
                + "?statsPeriod=24h&interval=1h&category=error&field=sum(quantity)");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode stats = response.json();
        assertThat(stats.path("groups")).hasSize(1);
        assertThat(total(stats)).isEqualTo(3);
        List<Long> series = numbers(stats.path("groups").get(0).path("series").path("sum(quantity)"));
        assertThat(series).hasSameSizeAs(texts(stats.path("intervals"))).hasSizeBetween(24, 25);
        assertThat(series.getLast()).isEqualTo(3);
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        var response = owner.get(stats("category=error&field=sum(quantity)&statsPeriod=24h&project="
                + otherOrganizations.id()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(owner.get("/api/0/organizations/other/stats_v2/?category=error&field=sum%28quantity%29&statsPeriod=24h")
                .status())
                .isEqualTo(404);
    }

    @Test
    void callersNeedATokenWithOrgRead() {
        var anonymous = Api.anonymous(port).get(stats("category=error&field=sum(quantity)&statsPeriod=24h"));
        assertThat(anonymous.status()).isEqualTo(401);

        var projectReadOnly = new Api(port, new Fixtures(context).token(user, "project:read"));
        assertThat(projectReadOnly.get(stats("category=error&field=sum(quantity)&statsPeriod=24h")).status())
                .isEqualTo(403);
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        assertThat(refused("category=error&statsPeriod=24h")).isEqualTo("At least one \"field\" is required.");
        assertThat(refused("category=error&field=count()&statsPeriod=24h")).isEqualTo("Invalid field: \"count()\"");
        assertThat(refused("field=sum(quantity)&statsPeriod=24h"))
                .isEqualTo("Query must have category as groupby or filter");
        assertThat(refused("category=errors&field=sum(quantity)&statsPeriod=24h"))
                .isEqualTo("Invalid category: \"errors\"");
        assertThat(refused("category=attachment&category=error&field=sum(quantity)&statsPeriod=24h"))
                .isEqualTo("if filtering by attachment no other category may be present");
        assertThat(refused("groupBy=release&category=error&field=sum(quantity)&statsPeriod=24h"))
                .isEqualTo("Invalid groupBy: \"release\"");
        assertThat(refused("outcome=lost&category=error&field=sum(quantity)&statsPeriod=24h"))
                .isEqualTo("Invalid outcome: \"lost\"");
        assertThat(refused("project=api&category=error&field=sum(quantity)&statsPeriod=24h"))
                .isEqualTo("Invalid project parameter. Values must be numbers.");
        assertThat(refused("interval=1w&category=error&field=sum(quantity)&statsPeriod=30d"))
                .isEqualTo("The interval has to be less than one day.");
        assertThat(refused("interval=5h&category=error&field=sum(quantity)&statsPeriod=30d"))
                .isEqualTo("The interval should divide one day without a remainder.");
        assertThat(refused("interval=90s&category=error&field=sum(quantity)&statsPeriod=1d"))
                .isEqualTo("The interval has to be a multiple of the minimum interval of one minute.");
        assertThat(refused("interval=$__interval&category=error&field=sum(quantity)&statsPeriod=1d"))
                .startsWith("Invalid interval: '$__interval'");
        assertThat(refused("interval=1h&category=error&field=sum(quantity)&statsPeriod=90d"))
                .startsWith("Your interval and date range would create too many results.");
        assertThat(refused("category=error&field=sum(quantity)&statsPeriod=soon"))
                .isEqualTo("Invalid statsPeriod: 'soon'");
        assertThat(refused("category=error&field=sum(quantity)&start=2024-05-01T00:00:00"))
                .isEqualTo("start and end are both required");
        assertThat(refused("category=error&field=sum(quantity)&start=2024-05-02T00:00:00&end=2024-05-01T00:00:00"))
                .isEqualTo("start must be before end");
        assertThat(refused("category=error&field=sum(quantity)&start=yesterday&end=2024-05-01T00:00:00"))
                .startsWith("'yesterday' is not a date and time");
    }

    private void add(int kind, Project project, int hour, long count) {
        ProjectHours.add(jdbc, List.of(new ProjectHours.Count(project.id(), hour(hour), count)), kind);
    }

    private Instant hour(int hour) {
        return day.plus(Duration.ofHours(hour));
    }

    /** start and end of the first hours of {@link #day}, with a zone this time. */
    private String firstHours(int hours) {
        return "start=" + day + "&end=" + hour(hours);
    }

    private JsonNode ok(String query) {
        var response = owner.get(stats(query));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String refused(String query) {
        var response = owner.get(stats(query).replace("$", "%24"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.detail();
    }

    private static String stats(String query) {
        return "/api/0/organizations/acme/stats_v2/?" + query.replace("(", "%28").replace(")", "%29");
    }

    private static JsonNode group(JsonNode stats, String key, Object value) {
        for (JsonNode group : stats.path("groups")) {
            if (group.path("by").path(key).asString().equals(String.valueOf(value))) {
                return group;
            }
        }
        throw new AssertionError("no group with " + key + " " + value + " in " + stats);
    }

    private static long total(JsonNode stats) {
        long total = 0;
        for (JsonNode group : stats.path("groups")) {
            total += group.path("totals").path("sum(quantity)").asLong();
        }
        return total;
    }

    private static List<Long> numbers(JsonNode array) {
        return array.valueStream().map(JsonNode::asLong).toList();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
