package dev.faultline.account;

import dev.faultline.support.Api;
import dev.faultline.support.TestApplication;
import dev.faultline.support.TestDatabase;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static dev.faultline.support.Failures.invalidSetting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** INITIAL_USER_EMAIL and friends: the superuser and API token of an automated install. */
class InitialUserTests {

    private static final String PASSWORD = "initial-password";
    private static final String TOKEN = "token-of-the-automated-install-0123456789";

    @Test
    void createsASuperuserWhoCanSignInAndATokenWithEveryScope() {
        try (var app = start(TestDatabase.createDatabase())) {
            var root = new Api(app.port(), TOKEN).get("/api/0/");

            assertThat(root.status()).isEqualTo(200);
            JsonNode user = root.json().get("user");
            assertThat(user.get("email").asString()).isEqualTo("admin@example.com");
            assertThat(user.get("isSuperuser").asBoolean()).isTrue();
            assertThat(root.json().get("auth").get("scopes").values()).extracting(JsonNode::asString)
                    .containsExactlyElementsOf(Scope.values(Scope.all()));
            assertThat(WebSession.location(new WebSession(app.port()).signIn("admin@example.com", PASSWORD)))
                    .isEqualTo("/");
        }
    }

    @Test
    void startingAgainWithTheSameSettingsChangesNothing() {
        String database = TestDatabase.createDatabase();
        String before;
        try (var app = start(database)) {
            before = accountsAndTokens(app);
        }

        try (var app = start(database)) {
            assertThat(accountsAndTokens(app)).isEqualTo(before).isEqualTo("1 users, 1 tokens");
            assertThat(new Api(app.port(), TOKEN).get("/api/0/").status()).isEqualTo(200);
        }
    }

    @Test
    void aNewInitialUserWithoutAPasswordStopsTheStart() {
        assertThatThrownBy(() -> TestApplication.start("DATABASE_URL=" + TestDatabase.createDatabase(),
                "SECRET_KEY=k", "INITIAL_USER_EMAIL=admin@example.com"))
                .satisfies(e -> assertThat(invalidSetting(e).variable()).isEqualTo("INITIAL_USER_PASSWORD"))
                .satisfies(e -> assertThat(invalidSetting(e).getMessage()).contains("admin@example.com"));
    }

    private static TestApplication start(String database) {
        return TestApplication.start("DATABASE_URL=" + database, "SECRET_KEY=k", "INITIAL_USER_EMAIL=admin@example.com",
                "INITIAL_USER_PASSWORD=" + PASSWORD, "INITIAL_USER_AUTH_TOKEN=" + TOKEN);
    }

    private static String accountsAndTokens(TestApplication app) {
        var jdbc = app.bean(JdbcClient.class);
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single() + " users, "
                + jdbc.sql("SELECT count(*) FROM api_tokens").query(Long.class).single() + " tokens";
    }
}
