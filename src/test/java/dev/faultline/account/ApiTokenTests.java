package dev.faultline.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

import dev.faultline.support.Api;
import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiTokenTests {

    private static final String NEW_TOKEN = """
            {"label": "CI", "scopes": ["project:read", "event:read"]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final Fixtures given;

    ApiTokenTests(@Autowired ApplicationContext context) {
        this.given = new Fixtures(context);
    }

    @Test
    void theTokenIsShownOnceWhenCreatedAndNeverAgain() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));

        var created = browser.json("POST", "/api/0/api-tokens/", NEW_TOKEN, true);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode token = json(created.body());
        String value = token.get("token").asString();
        assertThat(value).matches("[0-9a-f]{64}");
        assertThat(token.get("label").asString()).isEqualTo("CI");
        assertThat(token.get("scopes").values()).extracting(JsonNode::asString)
                .containsExactly("event:read", "project:read");
        assertThat(token.get("tokenLastCharacters").asString()).isEqualTo(value.substring(60));

        var listed = browser.json("GET", "/api/0/api-tokens/", null, false);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(value);
        JsonNode only = json(listed.body()).get(0);
        assertThat(only.get("id").asString()).isEqualTo(token.get("id").asString());
        assertThat(only.get("token").isNull()).isTrue();
        assertThat(only.get("tokenLastCharacters").asString()).isEqualTo(value.substring(60));
    }

    @Test
    void theDatabaseHoldsAHashOfTheTokenAndNotTheToken() throws Exception {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));
        String value = json(browser.json("POST", "/api/0/api-tokens/", NEW_TOKEN, true).body()).get("token").asString();

        var rows = jdbc.sql("SELECT * FROM api_tokens").query().listOfRows();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).allSatisfy(column -> assertThat(readable(column)).doesNotContain(value));
            assertThat((byte[]) row.get("token_hash")).isEqualTo(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void aBearerTokenAuthenticatesAsItsUserWithItsScopes() {
        var ada = given.user("ada@example.com");
        String value = given.token(ada, "project:read", "event:read");

        var root = new Api(port, value).get("/api/0/");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(root.json().get("auth").get("scopes").values()).extracting(JsonNode::asString)
                .containsExactly("event:read", "project:read");
    }

    @Test
    void anUnknownBearerTokenIsRefusedRatherThanTreatedAsAnonymous() {
        given.token(given.user("ada@example.com"), "project:read");

        var response = new Api(port, "0123456789abcdef".repeat(4)).get("/api/0/");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).isEqualTo(json("{\"detail\": \"Invalid token.\"}"));
    }

    @Test
    void aTokenCannotManageTokensWhateverItsScopes() {
        var ada = given.user("ada@example.com");
        String value = given.token(ada, Scope.values(Scope.all()).toArray(String[]::new));
        long id = jdbc.sql("SELECT id FROM api_tokens").query(Long.class).single();
        var api = new Api(port, value);

        assertThat(api.get("/api/0/api-tokens/").status()).isEqualTo(403);
        var create = api.post("/api/0/api-tokens/", NEW_TOKEN);
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.detail()).contains("signed-in browser");
        assertThat(api.delete("/api/0/api-tokens/" + id + "/").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM api_tokens").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));
        JsonNode token = json(browser.json("POST", "/api/0/api-tokens/", NEW_TOKEN, true).body());
        var api = new Api(port, token.get("token").asString());
        assertThat(api.get("/api/0/").status()).isEqualTo(200);

        var revoked = browser.json("DELETE", "/api/0/api-tokens/" + token.get("id").asString() + "/", null, true);

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(api.get("/api/0/").status()).isEqualTo(401);
        assertThat(json(browser.json("GET", "/api/0/api-tokens/", null, false).body()).isEmpty()).isTrue();
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() {
        String adas = given.token(given.user("ada@example.com"), "project:read");
        long id = jdbc.sql("SELECT id FROM api_tokens").query(Long.class).single();
        var bob = Fixtures.signedIn(port, given.user("bob@example.com"));

        assertThat(bob.json("DELETE", "/api/0/api-tokens/" + id + "/", null, true).statusCode()).isEqualTo(404);
        assertThat(new Api(port, adas).get("/api/0/").status()).isEqualTo(200);
    }

    @Test
    void anUnknownScopeIsRefusedByName() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));

        var response = browser.json("POST", "/api/0/api-tokens/", """
                {"label": "CI", "scopes": ["project:read", "project:destroy"]}""", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("detail").asString()).startsWith("'project:destroy' is not a scope");
        assertThat(jdbc.sql("SELECT count(*) FROM api_tokens").query(Long.class).single()).isZero();
    }

    @Test
    void usingATokenRecordsWhenItWasLastUsed() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));
        String value = json(browser.json("POST", "/api/0/api-tokens/", NEW_TOKEN, true).body()).get("token").asString();
        assertThat(json(browser.json("GET", "/api/0/api-tokens/", null, false).body()).get(0).get("lastUsed").isNull())
                .isTrue();

        new Api(port, value).get("/api/0/");

        JsonNode listed = json(browser.json("GET", "/api/0/api-tokens/", null, false).body()).get(0);
        assertThat(listed.get("lastUsed").isNull()).isFalse();
    }

    @Test
    void aBrowserChangesTokensOnlyWithTheCsrfHeaderOfItsPages() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));

        var response = browser.json("POST", "/api/0/api-tokens/", NEW_TOKEN, false);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body()).get("detail").asString()).startsWith("CSRF check failed");
        assertThat(jdbc.sql("SELECT count(*) FROM api_tokens").query(Long.class).single()).isZero();
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }

    /** A column as text every way it could hold the token: bytes as characters and as hex, arrays by element. */
    private static String readable(Object column) throws SQLException {
        return switch (column) {
            case null -> "";
            case byte[] bytes -> new String(bytes, StandardCharsets.ISO_8859_1) + " " + HexFormat.of().formatHex(bytes);
            case Array array -> Arrays.toString((Object[]) array.getArray());
            default -> column.toString();
        };
    }
}
