package dev.faultline.account;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Mailbox;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.faultline.support.Fixtures.PASSWORD;
import static dev.faultline.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

/** "Forgot your password", with the emails caught by an SMTP server. Links point at GLITCHTIP_DOMAIN, not here. */
@IntegrationTest("GLITCHTIP_DOMAIN=http://errors.example.com")
class PasswordResetTests {

    private static final String LINK = "http://errors.example.com/reset-password/";
    private static final String EXPIRED = "This link has expired or was used already.";

    @RegisterExtension
    static final Mailbox mailbox = new Mailbox();

    @DynamicPropertySource
    static void sendEmailToTheMailbox(DynamicPropertyRegistry settings) {
        settings.add("EMAIL_URL", mailbox::emailUrl);
    }

    @LocalServerPort
    int port;

    private final Fixtures given;

    PasswordResetTests(@Autowired ApplicationContext context) {
        this.given = new Fixtures(context);
    }

    @Test
    void anUnknownEmailGetsNoEmailAndTheSamePageAsAKnownOne() {
        given.user("ada@example.com");

        var known = requestReset("ada@example.com");
        var unknown = requestReset("eve@example.com");

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
        assertThat(comparable(unknown.body(), "eve@example.com")).isEqualTo(comparable(known.body(), "ada@example.com"));
        assertThat(known.body()).contains("If <strong>ada@example.com</strong> has an account");
        assertThat(mailbox.to("eve@example.com")).isEmpty();
        assertThat(mailbox.all()).hasSize(1);
    }

    @Test
    void aKnownEmailGetsALinkOnTheConfiguredDomainInBothParts() {
        given.user("ada@example.com");

        requestReset("ADA@example.com");

        var email = mailbox.onlyTo("ada@example.com");
        assertThat(email.subject()).isEqualTo("Reset your Faultline password");
        assertThat(email.link(LINK)).matches("http://errors\\.example\\.com/reset-password/[A-Za-z0-9_-]{43}");
    }

    @Test
    void theLinkSetsANewPasswordThatReplacesTheOldOne() {
        given.user("ada@example.com");
        String link = resetLink("ada@example.com");
        var browser = new WebSession(port);
        assertThat(browser.get(link).statusCode()).isEqualTo(200);

        var set = browser.submit(link, link, Map.of("password", "a brand new password"));

        assertThat(location(set)).isEqualTo("/login?reset");
        assertThat(new WebSession(port).signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(400);
        assertThat(location(new WebSession(port).signIn("ada@example.com", "a brand new password"))).isEqualTo("/");
    }

    @Test
    void theLinkWorksOnce() {
        given.user("ada@example.com");
        String link = resetLink("ada@example.com");
        new WebSession(port).submit(link, link, Map.of("password", "a brand new password"));

        var again = new WebSession(port).get(link);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains(EXPIRED).doesNotContain("name=\"password\"");

        var reused = new WebSession(port).submit("/reset-password", link, Map.of("password", "yet another password"));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains(EXPIRED);
        assertThat(new WebSession(port).signIn("ada@example.com", "yet another password").statusCode()).isEqualTo(400);
    }

    @Test
    void usingOneLinkSpendsTheOthersOfTheUser() {
        given.user("ada@example.com");
        requestReset("ada@example.com");
        requestReset("ada@example.com");
        var links = mailbox.to("ada@example.com").stream().map(email -> path(email.link(LINK))).toList();
        assertThat(links).hasSize(2).doesNotHaveDuplicates();

        new WebSession(port).submit(links.get(1), links.get(1), Map.of("password", "a brand new password"));

        assertThat(new WebSession(port).get(links.get(0)).statusCode()).isEqualTo(400);
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefusedAndNothingChanges() {
        given.user("ada@example.com");
        String link = resetLink("ada@example.com");

        var response = new WebSession(port).submit(link, link, Map.of("password", "seven77"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The password must be at least 8 characters long");
        assertThat(new WebSession(port).signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(new WebSession(port).get(link).statusCode()).isEqualTo(200);
    }

    @Test
    void aResetSignsOutEverySessionOfTheUser() {
        var browser = Fixtures.signedIn(port, given.user("ada@example.com"));
        String link = resetLink("ada@example.com");

        new WebSession(port).submit(link, link, Map.of("password", "a brand new password"));

        assertThat(location(browser.get("/profile"))).isEqualTo("/login?next=%2Fprofile");
    }

    private HttpResponse<String> requestReset(String email) {
        return new WebSession(port).submit("/reset-password", "/reset-password", Map.of("email", email));
    }

    /** The path of the link emailed to the address, to open on this server. */
    private String resetLink(String email) {
        requestReset(email);
        return path(mailbox.onlyTo(email).link(LINK));
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    /** The page without what differs by design: the address asked for and the per-request CSRF token. */
    private static String comparable(String page, String email) {
        return page.replace(email, "EMAIL").replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "");
    }
}
