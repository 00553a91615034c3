package dev.faultline.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.faultline.support.Fixtures;
import dev.faultline.support.Http;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.TestApplication;
import dev.faultline.support.TestDatabase;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.faultline.support.Fixtures.PASSWORD;
import static dev.faultline.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInTests {

    @LocalServerPort
    int port;

    private final Fixtures given;

    SignInTests(@Autowired ApplicationContext context) {
        this.given = new Fixtures(context);
    }

    @Test
    void theFirstVisitorIsSentToRegisterAndAdministersTheServer() {
        var first = new WebSession(port);

        assertThat(location(first.get("/"))).isEqualTo("/login");
        assertThat(location(first.get("/login"))).isEqualTo("/register");
        assertThat(first.get("/register").body()).contains("You are the first user");
        assertThat(location(first.register("ada@example.com", "difference-engine"))).isEqualTo("/");

        var second = new WebSession(port);
        assertThat(second.get("/register").body()).doesNotContain("You are the first user");
        assertThat(location(second.register("bob@example.com", "babbage-engine"))).isEqualTo("/");

        JsonNode ada = apiRoot(first).get("user");
        assertThat(ada.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(ada.get("isSuperuser").asBoolean()).isTrue();
        assertThat(apiRoot(second).get("user").get("isSuperuser").asBoolean()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheSignInPageAgainWithAMessage() {
        given.user("ada@example.com");
        var browser = new WebSession(port);

        var response = browser.signIn("ada@example.com", "not the password");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The email or the password is not right", "value=\"ada@example.com\"");
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
    }

    @Test
    void anUnknownEmailIsAnsweredLikeAWrongPassword() {
        given.user("ada@example.com");

        var response = new WebSession(port).signIn("nobody@example.com", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The email or the password is not right");
    }

    @Test
    void afterFiveFailedSignInsForAnEmailTheSixthIsRefusedEvenWithTheRightPassword() {
        given.user("ada@example.com");
        given.user("bob@example.com");
        var browser = new WebSession(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(browser.signIn(attempt % 2 == 0 ? "ADA@example.com" : "ada@example.com", "guess " + attempt)
                    .statusCode()).isEqualTo(400);
        }

        var sixth = browser.signIn("ada@example.com", PASSWORD);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
        assertThat(sixth.body()).contains("Too many failed sign-ins for ada@example.com");
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
        assertThat(location(new WebSession(port).signIn("bob@example.com", PASSWORD))).isEqualTo("/");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxButNotSecureOverHttp() {
        given.user("ada@example.com");

        var response = new WebSession(port).signIn("ada@example.com", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(cookieAttributes(response, SessionCookie.NAME))
                .contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsSecureWhenFaultlineIsServedOverHttps() {
        try (var app = TestApplication.start("DATABASE_URL=" + TestDatabase.createDatabase(), "SECRET_KEY=k",
                "GLITCHTIP_DOMAIN=https://errors.example.com")) {
            app.bean(AccountService.class).register("ada@example.com", "", PASSWORD, false);

            // The cookies are Secure, so a cookie jar would not send them back over this test's plain http.
            var page = Http.get(app.port(), "/login");
            String csrfCookie = cookieAttributes(page, "faultline_csrf").getFirst();
            var response = Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/login"))
                    .header("Cookie", csrfCookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(WebSession.csrfToken(page.body()))
                            + "&email=ada%40example.com&password=" + encode(PASSWORD)))
                    .build());

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(cookieAttributes(response, SessionCookie.NAME)).contains("Secure", "HttpOnly", "SameSite=Lax");
            assertThat(cookieAttributes(page, "faultline_csrf")).contains("Secure", "HttpOnly");
        }
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        given.user("ada@example.com");
        var browser = new WebSession(port);
        browser.get("/login");

        var response = browser.post("/login", Map.of("email", "ada@example.com", "password", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));
        String sessionToken = browser.cookie(SessionCookie.NAME);
        assertThat(getWithSessionCookie("/profile", sessionToken).statusCode()).isEqualTo(200);

        var signOut = browser.submit("/profile", "/logout", Map.of());

        assertThat(location(signOut)).isEqualTo("/login?signedOut");
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
        var replayed = getWithSessionCookie("/profile", sessionToken);
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(location(replayed)).isEqualTo("/login?next=%2Fprofile");
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));

        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
    }

    @Test
    void signingInLeadsBackToThePageAskedFor() {
        given.user("ada@example.com");
        var browser = new WebSession(port);
        assertThat(location(browser.get("/profile"))).isEqualTo("/login?next=%2Fprofile");

        var response = browser.submit("/login?next=%2Fprofile", "/login",
                Map.of("email", "ada@example.com", "password", PASSWORD, "next", "/profile"));

        assertThat(location(response)).isEqualTo("/profile");
    }

    @Test
    void signingInNeverLeadsToAnotherHost() {
        given.user("ada@example.com");

        for (String next : List.of("//evil.example", "https://evil.example/", "/\\evil.example", "/\t/evil.example")) {
            var response = new WebSession(port).submit("/login", "/login",
                    Map.of("email", "ada@example.com", "password", PASSWORD, "next", next));

            // Where a browser goes: it drops tabs and line breaks from the Location before resolving it.
            String location = response.headers().firstValue("Location").orElseThrow();
            URI target = URI.create("http://localhost:" + port + "/login")
                    .resolve(location.replaceAll("[\t\r\n]", "").replace(" ", "%20"));
            assertThat(target.getHost() + ":" + target.getPort()).as(next).isEqualTo("localhost:" + port);
        }
    }

    /** A link to the sign-in page may carry braces, percent-encoded, in its next page. */
    @Test
    void signingInLeadsBackToAPageWithBracesInItsAddress() {
        given.user("ada@example.com");
        var browser = new WebSession(port);

        var response = browser.submit("/login?next=%2Fprofile%3Ffilter%3D%7Bx%7D", "/login",
                Map.of("email", "ada@example.com", "password", PASSWORD, "next", "/profile?filter={x}"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).isEqualTo("/profile?filter=%7Bx%7D");
        assertThat(location(browser.get("/login?next=%2Fprofile%3Ffilter%3D%7Bx%7D")))
                .isEqualTo("/profile?filter=%7Bx%7D");
    }

    @Test
    void closedRegistrationIsOpenUntilTheFirstUserExists() {
        try (var app = TestApplication.start("DATABASE_URL=" + TestDatabase.createDatabase(), "SECRET_KEY=k",
                "ENABLE_USER_REGISTRATION=false")) {
            var first = new WebSession(app.port());
            assertThat(first.get("/register").body()).contains("You are the first user");
            assertThat(location(first.register("ada@example.com", "difference-engine"))).isEqualTo("/");

            var second = new WebSession(app.port());
            assertThat(second.get("/register").body()).contains("Registration is closed");
            assertThat(second.get("/login").body()).doesNotContain("Create an account");
            var attempt = second.submit("/login", "/register",
                    Map.of("name", "", "email", "bob@example.com", "password", "babbage-engine"));
            assertThat(attempt.statusCode()).isEqualTo(403);
            assertThat(attempt.body()).contains("Registration is closed");
            assertThat(app.bean(AccountService.class).userByEmail("bob@example.com")).isEmpty();
        }
    }

    private JsonNode apiRoot(WebSession browser) {
        var response = browser.json("GET", "/api/0/", null, false);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    private HttpResponse<String> getWithSessionCookie(String path, String sessionToken) {
        return Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", SessionCookie.NAME + "=" + sessionToken).GET().build());
    }

    /** The cookie's Set-Cookie header split into its name=value and its attributes. */
    private static List<String> cookieAttributes(HttpResponse<?> response, String name) {
        String header = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
        return Arrays.stream(header.split(";")).map(String::strip).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
