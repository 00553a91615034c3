package dev.faultline.issue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.faultline.issue.IssueFilter.SqlCondition;
import dev.faultline.issue.IssueSearch.Jump;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search grammar: what SQL and parameters each filter becomes, and what it refuses and why. */
class IssueSearchTests {

    private static final String TEXT =
            "(i.title ILIKE ? OR i.id IN (SELECT s.issue_id FROM issue_search s WHERE s.text LIKE ?))";

    static final Instant NOW = Instant.parse("2026-02-10T12:00:00Z");

    @Test
    void anEmptyQueryMatchesEverything() {
        assertThat(condition("   ")).isEqualTo(SqlCondition.NONE);
        assertThat(condition(null)).isEqualTo(SqlCondition.NONE);
        assertThat(condition("\"\"")).isEqualTo(SqlCondition.NONE);
    }

    @Test
    void statusesAndAssignmentAreColumns() {
        assertThat(condition("is:resolved").sql()).isEqualTo("i.status = 'resolved'");
        assertThat(condition("is:Resolved").sql()).isEqualTo("i.status = 'resolved'");
        assertThat(condition("is:regressed").sql()).isEqualTo("i.status = 'unresolved' AND i.regressed");
        assertThat(condition("is:unassigned").sql()).isEqualTo("i.assignee_id IS NULL");
        assertThat(condition("is:unresolved is:assigned").sql())
                .isEqualTo("(i.status = 'unresolved') AND (i.assignee_id IS NOT NULL)");
        assertThat(condition("!is:ignored").sql()).isEqualTo("NOT coalesce((i.status = 'ignored'), false)");
    }

    @Test
    void levelsByNameOrComparison() {
        assertThat(condition("level:error")).isEqualTo(sql("i.level = ?", 4));
        assertThat(condition("level:warn")).isEqualTo(sql("i.level = ?", 3));
        assertThat(condition("level:>=warning")).isEqualTo(sql("i.level >= ?", 3));
        assertThat(condition("level:[debug, FATAL]")).isEqualTo(sql("(i.level = ?) OR (i.level = ?)", 1, 5));
    }

    @Test
    void anyOtherKeyIsATagMatchedExactlyOrWithWildcards() {
        String tag = "EXISTS (SELECT 1 FROM issue_tag_values t WHERE t.issue_id = i.id AND t.key = ? AND t.value ";
        assertThat(condition("browser.name:Firefox")).isEqualTo(sql(tag + "= ?)", "browser.name", "Firefox"));
        assertThat(condition("url:*/checkout_1%*"))
                .isEqualTo(sql(tag + "LIKE ?)", "url", "%/checkout\\_1\\%%"));
        assertThat(condition("user:id:42")).isEqualTo(sql(tag + "= ?)", "user", "id:42"));
        assertThat(condition("!server_name:web-1").sql()).startsWith("NOT coalesce((EXISTS");
        assertThat(condition("environment:[prod,staging]").params())
                .containsExactly("environment", "prod", "environment", "staging");
    }

    @Test
    void hasLooksForAnyValueOfTheTag() {
        assertThat(condition("has:user")).isEqualTo(sql(
                "EXISTS (SELECT 1 FROM issue_tag_values t WHERE t.issue_id = i.id AND t.key = ?)", "user"));
        assertThat(condition("!has:user").sql()).startsWith("NOT coalesce((EXISTS");
    }

    @Test
    void releaseIsATagOrTheFirstRelease() {
        SqlCondition release = condition("release:\"shop@1.0 beta\"");
        assertThat(release.sql()).contains("t.key = ?", "i.first_release = ?");
        assertThat(release.params()).containsExactly("release", "shop@1.0 beta", "shop@1.0 beta");
    }

    @Test
    void assignedToMeNobodyOrAnEmail() {
        assertThat(condition("assigned:me")).isEqualTo(sql("i.assignee_id = ?", 7L));
        assertThat(condition("assigned:none").sql()).isEqualTo("i.assignee_id IS NULL");
        assertThat(condition("assigned:Ada@Example.com")).isEqualTo(sql(
                "i.assignee_id IN (SELECT u.id FROM users u WHERE lower(u.email) = lower(?))", "Ada@Example.com"));
    }

    @Test
    void relativeTimesAreWithinOrOlderThanAsInSentry() {
        assertThat(condition("firstSeen:-24h"))
                .isEqualTo(sql("i.first_seen >= ?", Timestamp.from(Instant.parse("2026-02-09T12:00:00Z"))));
        assertThat(condition("age:+2w"))
                .isEqualTo(sql("i.first_seen < ?", Timestamp.from(Instant.parse("2026-01-27T12:00:00Z"))));
        assertThat(condition("last_seen:-30m"))
                .isEqualTo(sql("i.last_seen >= ?", Timestamp.from(Instant.parse("2026-02-10T11:30:00Z"))));
    }

    @Test
    void absoluteTimesAreUtcUnlessTheyHaveAZone() {
        assertThat(condition("lastSeen:>2026-01-31T12:00:00"))
                .isEqualTo(sql("i.last_seen > ?", Timestamp.from(Instant.parse("2026-01-31T12:00:00Z"))));
        assertThat(condition("lastSeen:<=2026-01-31T12:00:00+02:00"))
                .isEqualTo(sql("i.last_seen <= ?", Timestamp.from(Instant.parse("2026-01-31T10:00:00Z"))));
        assertThat(condition("firstSeen:2026-01-31")).isEqualTo(sql("i.first_seen >= ? AND i.first_seen < ?",
                Timestamp.from(Instant.parse("2026-01-31T00:00:00Z")),
                Timestamp.from(Instant.parse("2026-02-01T00:00:00Z"))));
    }

    @Test
    void timesSeenComparesTheCount() {
        assertThat(condition("times_seen:>10")).isEqualTo(sql("i.times_seen > ?", 10L));
        assertThat(condition("timesSeen:3")).isEqualTo(sql("i.times_seen = ?", 3L));
    }

    @Test
    void freeTextIsLiteralTextWithinTheTitleOrTheLowerCasedSearchText() {
        assertThat(condition("Checkout_Cart")).isEqualTo(sql(TEXT, "%checkout\\_cart%", "%checkout\\_cart%"));
        assertThat(condition("100%")).isEqualTo(sql(TEXT, "%100\\%%", "%100\\%%"));
    }

    @Test
    void freeTextTermsComeAfterTheFiltersAndMustAllMatch() {
        assertThat(condition("\"Bad Order\" level:error Payments.java")).isEqualTo(sql(
                "(i.level = ?) AND (" + TEXT + " AND " + TEXT + ")",
                4, "%bad order%", "%bad order%", "%payments.java%", "%payments.java%"));
    }

    @Test
    void quotesKeepSpacesAndEscapedQuotes() {
        assertThat(condition("message:\"said \\\"no\\\" twice\"").params()).containsExactly("message", "said \"no\" twice");
        assertThat(condition("\"a \\\\ b\"").params()).contains("%a \\\\ b%");
    }

    @Test
    void userTextNeverReachesTheSql() {
        String evil = "x'); DROP TABLE issues; -- & | ! <-> :*";
        SqlCondition text = condition("\"" + evil + "\"");
        assertThat(text.sql()).doesNotContain("DROP", "--");
        assertThat(text.params()).containsOnly("%x'); drop table issues; -- & | ! <-> :*%");
        SqlCondition tag = condition("release:\"" + evil + "\" level:error " + "environment:'\"");
        assertThat(tag.sql()).doesNotContain("DROP", "'\"");
        assertThat(tag.params()).contains("x'); DROP TABLE issues; -- & | ! <-> :%", "'\"");
        assertThat(condition("!&|:*").sql()).doesNotContain("&|");
    }

    @Test
    void mistakesAreExplained() {
        assertError("is:foo", "Unknown status \"foo\" in is:foo. Use unresolved, resolved, ignored, regressed, "
                + "assigned or unassigned.");
        assertError("lastSeen:yesterday", "\"lastSeen\" needs a time such as -24h, -7d or 2026-01-31T12:00:00");
        assertError("firstSeen:2026-13-45", "\"firstSeen\" needs a time such as -24h, -7d or 2026-01-31T12:00:00");
        assertError("level:loud", "Unknown level \"loud\" in level:loud. Use debug, info, warning, error or fatal.");
        assertError("release: 1.0", "Nothing after \"release:\". Put a value after the colon, such as "
                + "release:something, or put the text in quotes to search for it as it is.");
        assertError("title \"unclosed words", "The quote opened in \"unclosed words is not closed. Add a \" where "
                + "the quoted text ends.");
        assertError("environment:[prod, staging", "The list in \"[prod, staging\" is not closed. Add a ] after its "
                + "last value.");
        assertError("lastSeen:\"-1\n\"", "\"lastSeen\" needs a time such as -24h, -7d or 2026-01-31T12:00:00");
        assertError("firstSeen:2026-01-31T12:00", "Put an operator before the time in firstSeen:2026-01-31T12:00, "
                + "as in firstSeen:>=2026-01-31T12:00 or firstSeen:<2026-01-31T12:00.");
        assertError("times_seen:many", "\"times_seen\" needs a whole number, as in times_seen:>10 or times_seen:5.");
        assertThatThrownBy(() -> IssueSearch.parse("assigned:me", new IssueSearch.Context(null, NOW)))
                .isInstanceOf(InvalidSearchException.class).hasMessage("assigned:me needs a signed-in user.");
    }

    @Test
    void aWholeQueryThatIsAnEventIdOrShortIdIsAJump() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(jump(" 0f8fad5bd9cb469fa16570867728950e ")).isEqualTo(new Jump.ToEvent(id));
        assertThat(jump("0F8FAD5B-D9CB-469F-A165-70867728950E")).isEqualTo(new Jump.ToEvent(id));
        assertThat(jump("SHOP-12")).isEqualTo(new Jump.ToShortId("shop", 12));
        assertThat(jump("my-app-3")).isEqualTo(new Jump.ToShortId("my-app", 3));
        assertThat(jump("SHOP-12 is:resolved")).isNull();
        assertThat(jump("checkout")).isNull();
        assertThat(IssueSearch.parse("SHOP-12", context()).condition().params()).containsOnly("%shop-12%");
    }

    private static SqlCondition condition(String query) {
        return IssueSearch.parse(query, context()).condition();
    }

    private static Jump jump(String query) {
        return IssueSearch.parse(query, context()).jump().orElse(null);
    }

    private static IssueSearch.Context context() {
        return new IssueSearch.Context(7L, NOW);
    }

    private static SqlCondition sql(String sql, Object... params) {
        return new SqlCondition(sql, java.util.List.of(params));
    }

    private static void assertError(String query, String message) {
        assertThatThrownBy(() -> condition(query)).isInstanceOf(InvalidSearchException.class).hasMessage(message);
    }
}
