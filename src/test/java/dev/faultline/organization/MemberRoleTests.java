package dev.faultline.organization;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.faultline.account.User;
import dev.faultline.support.Fixtures;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static dev.faultline.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules on roles as the members pages apply them: an organization keeps an owner, nobody reaches above. */
@IntegrationTest
class MemberRoleTests {

    private static final String MEMBERS = "/acme/settings/members";

    @LocalServerPort
    int port;

    @Autowired
    Members members;

    private final Fixtures given;
    private User owner;
    private Membership acme;
    private WebSession ownersBrowser;

    MemberRoleTests(@Autowired ApplicationContext context) {
        this.given = new Fixtures(context);
    }

    @BeforeEach
    void anOrganizationWithItsOwnerSignedIn() {
        owner = given.user("owner@example.org");
        acme = given.organization(owner, "Acme");
        ownersBrowser = Fixtures.signedIn(port, owner);
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        var response = changeRole(ownersBrowser, acme.memberId(), "manager");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("An organization needs an owner: make someone else an owner first");
        assertThat(roleOf(acme.memberId())).isEqualTo(Role.OWNER);
    }

    @Test
    void theLastOwnerCannotLeave() {
        var response = remove(ownersBrowser, acme.memberId());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("The last owner cannot leave or be removed");
        assertThat(roleOf(acme.memberId())).isEqualTo(Role.OWNER);
    }

    @Test
    void withASecondOwnerAnOwnerCanBeDemoted() {
        var second = given.join(acme, given.user("second@example.org"), Role.OWNER);

        var response = changeRole(ownersBrowser, second.memberId(), "member");

        assertThat(location(response)).isEqualTo(MEMBERS + "/" + second.memberId() + "?saved");
        assertThat(roleOf(second.memberId())).isEqualTo(Role.MEMBER);
    }

    @Test
    void withASecondOwnerAnOwnerCanLeave() {
        var second = given.join(acme, given.user("second@example.org"), Role.OWNER);

        var response = remove(ownersBrowser, acme.memberId());

        assertThat(location(response)).isEqualTo("/");
        assertThat(members.list(second)).extracting(Member::email).containsExactly("second@example.org");
    }

    @Test
    void aMemberCanLeaveByThemselves() {
        var member = given.user("member@example.org");
        var membership = given.join(acme, member, Role.MEMBER);
        var browser = Fixtures.signedIn(port, member);

        var response = remove(browser, membership.memberId());

        assertThat(location(response)).isEqualTo("/");
        assertThat(browser.get(MEMBERS).statusCode()).isEqualTo(404);
        assertThat(members.list(acme)).extracting(Member::email).containsExactly("owner@example.org");
    }

    @Test
    void aMemberCannotRemoveSomeoneElse() {
        var other = given.join(acme, given.user("other@example.org"), Role.MEMBER);
        var member = given.user("member@example.org");
        given.join(acme, member, Role.MEMBER);

        assertThat(remove(Fixtures.signedIn(port, member), other.memberId()).statusCode()).isEqualTo(403);
        assertThat(members.list(acme)).extracting(Member::email).contains("other@example.org");
    }

    @Test
    void aManagerCannotChangeAnOwnersRoleNorRemoveThem() {
        var manager = given.user("manager@example.org");
        var managers = given.join(acme, manager, Role.MANAGER);
        given.join(acme, given.user("second@example.org"), Role.OWNER);
        var browser = Fixtures.signedIn(port, manager);

        var demote = changeRole(browser, acme.memberId(), "member");
        var removal = remove(browser, acme.memberId());

        assertThat(demote.statusCode()).isEqualTo(403);
        assertThat(demote.body()).contains("You cannot give or change a role above your own (manager)");
        assertThat(removal.statusCode()).isEqualTo(403);
        assertThat(roleOf(acme.memberId())).isEqualTo(Role.OWNER);
        assertThat(changeRole(browser, managers.memberId(), "owner").statusCode()).isEqualTo(403);
        assertThat(roleOf(managers.memberId())).isEqualTo(Role.MANAGER);
    }

    @Test
    void aManagerChangesRolesUpToTheirOwn() {
        var manager = given.user("manager@example.org");
        given.join(acme, manager, Role.MANAGER);
        var member = given.join(acme, given.user("member@example.org"), Role.MEMBER);

        var response = changeRole(Fixtures.signedIn(port, manager), member.memberId(), "manager");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(roleOf(member.memberId())).isEqualTo(Role.MANAGER);
    }

    private static HttpResponse<String> changeRole(WebSession browser, long memberId, String role) {
        return browser.submit("/profile", MEMBERS + "/" + memberId + "/role", Map.of("role", role));
    }

    private static HttpResponse<String> remove(WebSession browser, long memberId) {
        return browser.submit("/profile", MEMBERS + "/" + memberId + "/remove", Map.of());
    }

    private Role roleOf(long memberId) {
        return members.find(acme, String.valueOf(memberId)).role();
    }
}
