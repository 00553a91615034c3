package dev.faultline.account;

import java.util.Map;

import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static dev.faultline.support.Fixtures.PASSWORD;
import static dev.faultline.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProfileTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private final Fixtures given;

    ProfileTests(@Autowired ApplicationContext context) {
        this.given = new Fixtures(context);
    }

    @Test
    void savesNameTimeZoneAndThemeAndThePagesFollowTheTheme() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));
        assertThat(browser.get("/profile").body()).containsPattern("<html[^>]* data-theme=\"system\"");

        var saved = browser.submit("/profile", "/profile", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "timeZone", "Europe/London", "theme", "dark"));

        assertThat(location(saved)).isEqualTo("/profile?saved");
        String page = browser.get("/profile?saved").body();
        assertThat(page).containsPattern("<html[^>]* data-theme=\"dark\"")
                .contains("Your profile is saved.", "value=\"Ada Lovelace\"")
                .containsPattern("<option value=\"Europe/London\"[^>]* selected");
        var user = JsonMapper.shared().readTree(browser.json("GET", "/api/0/", null, false).body()).get("user");
        assertThat(user.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(user.get("options").get("timezone").asString()).isEqualTo("Europe/London");
        assertThat(user.get("options").get("theme").asString()).isEqualTo("dark");
    }

    @Test
    void anUnknownTimeZoneIsRefusedWithAMessageAndNothingChanges() {
        var ada = given.user("ada@example.com");
        var browser = Fixtures.signedIn(port, ada);

        var response = browser.submit("/profile", "/profile", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "timeZone", "Mars/Olympus_Mons", "theme", "dark"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("is not a time zone (for example Europe/Berlin)");
        var unchanged = accounts.user(ada.id()).orElseThrow();
        assertThat(unchanged.name()).isEmpty();
        assertThat(unchanged.timeZone()).isEqualTo("UTC");
        assertThat(unchanged.theme()).isEqualTo(User.Theme.SYSTEM);
    }

    @Test
    void anotherAccountsEmailIsRefused() {
        given.user("bob@example.com");
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));

        var response = browser.submit("/profile", "/profile", Map.of("name", "", "email", "BOB@example.com",
                "timeZone", "UTC", "theme", "system"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("Another account already uses BOB@example.com");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));

        var response = browser.submit("/profile", "/profile/password",
                Map.of("currentPassword", "not the password", "newPassword", "a much newer password"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The current password is not right");
        assertThat(new WebSession(port).signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(new WebSession(port).signIn("ada@example.com", "a much newer password").statusCode()).isEqualTo(400);
    }

    @Test
    void aTooShortNewPasswordIsRefused() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));

        var response = browser.submit("/profile", "/profile/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The password must be at least 8 characters long");
        assertThat(new WebSession(port).signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessionsButKeepsThisOne() {
        var ada = given.user("ada@example.com");
        var here = Fixtures.signedIn(port, ada);
        var elsewhere = Fixtures.signedIn(port, ada);

        var changed = here.submit("/profile", "/profile/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a much newer password"));

        assertThat(location(changed)).isEqualTo("/profile?passwordChanged");
        var page = here.get("/profile?passwordChanged");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your password is changed");
        assertThat(location(elsewhere.get("/profile"))).isEqualTo("/login?next=%2Fprofile");
        assertThat(new WebSession(port).signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(400);
        assertThat(new WebSession(port).signIn("ada@example.com", "a much newer password").statusCode()).isEqualTo(302);
    }
}
