package dev.faultline.organization;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.faultline.account.AccountService;
import dev.faultline.account.User;
import dev.faultline.support.Api;
import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Mailbox;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static dev.faultline.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting people into an organization by email, on a server where open registration is off, as it usually is
 * where invitations matter. Links point at GLITCHTIP_DOMAIN; the tests open their paths here.
 */
@IntegrationTest({"ENABLE_USER_REGISTRATION=false", "GLITCHTIP_DOMAIN=http://errors.example.com"})
class InvitationTests {

    private static final String LINK = "http://errors.example.com/accept/";
    private static final String MEMBERS = "/acme/settings/members";

    @RegisterExtension
    static final Mailbox mailbox = new Mailbox();

    @DynamicPropertySource
    static void sendEmailToTheMailbox(DynamicPropertyRegistry settings) {
        settings.add("EMAIL_URL", mailbox::emailUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    Members members;

    @Autowired
    AccountService accounts;

    private final Fixtures given;
    private User owner;
    private Membership acme;
    private WebSession ownersBrowser;

    InvitationTests(@Autowired ApplicationContext context) {
        this.given = new Fixtures(context);
    }

    @BeforeEach
    void anOrganizationWithItsOwnerSignedIn() {
        owner = given.user("owner@example.org");
        acme = given.organization(owner, "Acme");
        ownersBrowser = Fixtures.signedIn(port, owner);
    }

    @Test
    void anExistingUserAndANewAddressEachGetALinkAndTheExistingUserJoinsWithTheRole() {
        var ada = given.user("ada@example.org");

        var invited = invite(ownersBrowser, "ada@example.org, new@example.org", "admin");

        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("ada@example.org", "new@example.org", "email sent");
        String adasLink = mailbox.onlyTo("ada@example.org").link(LINK);
        String newLink = mailbox.onlyTo("new@example.org").link(LINK);
        assertThat(adasLink).isNotEqualTo(newLink).matches(LINK + "\\d+/[A-Za-z0-9_-]{43}");
        assertThat(mailbox.onlyTo("ada@example.org").subject()).isEqualTo("Join Acme on Faultline");

        var adasBrowser = Fixtures.signedIn(port, ada);
        assertThat(adasBrowser.get(path(adasLink)).body()).contains("Join <span>Acme</span>");
        var accepted = adasBrowser.submit(path(adasLink), path(adasLink), Map.of());

        assertThat(location(accepted)).isEqualTo("/acme/issues");
        assertThat(given.membership(ada, "acme").role()).isEqualTo(Role.ADMIN);
        assertThat(new WebSession(port).get(path(adasLink)).statusCode()).isEqualTo(404);
    }

    @Test
    void aNewAddressRegistersThroughTheLinkThoughRegistrationIsClosed() {
        invite(ownersBrowser, "new@example.org", "member");
        String link = path(mailbox.onlyTo("new@example.org").link(LINK));
        var browser = new WebSession(port);
        assertThat(browser.get("/register").body()).contains("Registration is closed");

        var registered = browser.submit(link, link + "/register",
                Map.of("name", "Nova", "email", "new@example.org", "password", "a new member's password"));

        assertThat(location(registered)).isEqualTo("/acme/issues");
        var nova = accounts.userByEmail("new@example.org").orElseThrow();
        assertThat(nova.superuser()).isFalse();
        assertThat(given.membership(nova, "acme").role()).isEqualTo(Role.MEMBER);
        assertThat(browser.get("/acme/settings/members").statusCode()).isEqualTo(200);
    }

    @Test
    void resendingSendsANewLinkAndTheOldOneStopsWorking() {
        invite(ownersBrowser, "new@example.org", "member");
        String first = path(mailbox.onlyTo("new@example.org").link(LINK));
        long id = pendingId("new@example.org");

        var resent = ownersBrowser.submit(MEMBERS, MEMBERS + "/" + id + "/resend", Map.of());

        assertThat(resent.statusCode()).isEqualTo(200);
        var links = mailbox.to("new@example.org").stream().map(email -> path(email.link(LINK))).toList();
        assertThat(links).hasSize(2);
        assertThat(links.get(1)).isNotEqualTo(first).startsWith("/accept/" + id + "/");
        assertThat(new WebSession(port).get(first).statusCode()).isEqualTo(404);
        assertThat(new WebSession(port).get(links.get(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void revokingRemovesThePendingInvitation() {
        invite(ownersBrowser, "new@example.org", "member");
        String link = path(mailbox.onlyTo("new@example.org").link(LINK));
        long id = pendingId("new@example.org");

        var revoked = ownersBrowser.submit(MEMBERS, MEMBERS + "/" + id + "/remove", Map.of());

        assertThat(location(revoked)).isEqualTo(MEMBERS + "?removed");
        assertThat(members.list(acme)).extracting(Member::email).containsExactly("owner@example.org");
        assertThat(ownersBrowser.get(MEMBERS).body()).doesNotContain("new@example.org");
        assertThat(new WebSession(port).get(link).statusCode()).isEqualTo(404);
    }

    @Test
    void invitingSomeoneWhoIsAMemberAlreadyIsAConflict() {
        var response = invite(ownersBrowser, "OWNER@example.org", "member");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("OWNER@example.org is already a member of this organization");
        assertThat(mailbox.all()).isEmpty();
    }

    @Test
    void anInvitationLinkWithAWrongTokenIsNotFound() {
        invite(ownersBrowser, "new@example.org", "member");
        String link = path(mailbox.onlyTo("new@example.org").link(LINK));
        String wrong = link.substring(0, link.lastIndexOf('/') + 1) + "A".repeat(43);
        var browser = new WebSession(port);

        assertThat(browser.get(wrong).statusCode()).isEqualTo(404);
        assertThat(browser.submit("/login", wrong + "/register",
                Map.of("name", "", "email", "new@example.org", "password", "a new member's password")).statusCode())
                .isEqualTo(404);
        assertThat(accounts.userByEmail("new@example.org")).isEmpty();
        assertThat(browser.get(link).statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberCannotInvite() {
        var member = given.user("member@example.org");
        given.join(acme, member, Role.MEMBER);

        var response = invite(Fixtures.signedIn(port, member), "new@example.org", "member");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(mailbox.to("new@example.org")).isEmpty();
        assertThat(members.list(acme)).extracting(Member::email).doesNotContain("new@example.org");
    }

    @Test
    void nobodyInvitesWithARoleAboveTheirOwn() {
        var manager = given.user("manager@example.org");
        given.join(acme, manager, Role.MANAGER);
        var managersBrowser = Fixtures.signedIn(port, manager);

        var asOwner = invite(managersBrowser, "boss@example.org", "owner");

        assertThat(asOwner.statusCode()).isEqualTo(403);
        assertThat(asOwner.body()).contains("You cannot give or change a role above your own (manager)");
        assertThat(mailbox.to("boss@example.org")).isEmpty();
        assertThat(invite(managersBrowser, "peer@example.org", "manager").statusCode()).isEqualTo(200);
        assertThat(mailbox.to("peer@example.org")).hasSize(1);
    }

    @Test
    void theApiInvitesWithAPendingMemberAndTheLink() {
        var api = new Api(port, given.token(owner, "member:write"));

        var response = api.post("/api/0/organizations/acme/members/", """
                {"email": "api@example.org", "orgRole": "member"}""");

        assertThat(response.status()).isEqualTo(201);
        JsonNode member = response.json();
        assertThat(member.get("email").asString()).isEqualTo("api@example.org");
        assertThat(member.get("role").asString()).isEqualTo("member");
        assertThat(member.get("pending").asBoolean()).isTrue();
        assertThat(member.get("user").isNull()).isTrue();
        assertThat(member.get("inviteLink").asString()).isEqualTo(mailbox.onlyTo("api@example.org").link(LINK));
    }

    private static HttpResponse<String> invite(WebSession browser, String emails, String role) {
        return browser.submit(MEMBERS, MEMBERS + "/invite", Map.of("emails", emails, "role", role));
    }

    private long pendingId(String email) {
        return members.list(acme).stream().filter(member -> member.pending() && member.email().equals(email))
                .findFirst().orElseThrow().id();
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }
}
