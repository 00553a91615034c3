package dev.faultline.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.faultline.account.AccountService;
import dev.faultline.account.ApiTokens;
import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.account.User;
import dev.faultline.organization.Members;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.organization.Role;
import dev.faultline.project.ProjectKeys;
import dev.faultline.project.Projects;
import dev.faultline.support.Api;
import dev.faultline.support.IntegrationTest;
import dev.faultline.team.Teams;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api/0/} route of the accounts feature, walked as an anonymous caller (401), as a member of another
 * organization (404), and with a token lacking the route's scope (403); then what each role may do.
 */
@IntegrationTest("ENABLE_ORGANIZATION_CREATION=true")
class ApiAccessTests {

    /** A route, with the scope it needs; {@code org} routes name the organization "acme" and its objects. */
    record Route(String method, String path, String body, Scope scope, boolean org) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> routes(String key) {
        return List.of(
                new Route("GET", "/api/0/organizations/", null, Scope.ORG_READ, false),
                new Route("POST", "/api/0/organizations/", "{\"name\": \"Created\"}", Scope.ORG_WRITE, false),
                new Route("GET", "/api/0/organizations/acme/", null, Scope.ORG_READ, true),
                new Route("PUT", "/api/0/organizations/acme/", "{\"name\": \"Renamed\"}", Scope.ORG_WRITE, true),
                new Route("DELETE", "/api/0/organizations/acme/", null, Scope.ORG_ADMIN, true),
                new Route("GET", "/api/0/organizations/acme/members/", null, Scope.MEMBER_READ, true),
                new Route("POST", "/api/0/organizations/acme/members/",
                        "{\"email\": \"new@example.com\", \"orgRole\": \"member\"}", Scope.MEMBER_WRITE, true),
                new Route("GET", "/api/0/organizations/acme/members/{member}/", null, Scope.MEMBER_READ, true),
                new Route("PUT", "/api/0/organizations/acme/members/{member}/", "{\"orgRole\": \"admin\"}",
                        Scope.MEMBER_WRITE, true),
                new Route("DELETE", "/api/0/organizations/acme/members/{member}/", null, Scope.MEMBER_ADMIN, true),
                new Route("GET", "/api/0/organizations/acme/teams/", null, Scope.TEAM_READ, true),
                new Route("POST", "/api/0/organizations/acme/teams/", "{\"slug\": \"frontend\"}", Scope.TEAM_WRITE, true),
                new Route("GET", "/api/0/teams/acme/backend/", null, Scope.TEAM_READ, true),
                new Route("PUT", "/api/0/teams/acme/backend/", "{\"name\": \"Back end\"}", Scope.TEAM_WRITE, true),
                new Route("DELETE", "/api/0/teams/acme/backend/", null, Scope.TEAM_ADMIN, true),
                new Route("POST", "/api/0/organizations/acme/members/{member}/teams/backend/", null, Scope.TEAM_WRITE,
                        true),
                new Route("DELETE", "/api/0/organizations/acme/members/{member}/teams/backend/", null, Scope.TEAM_WRITE,
                        true),
                new Route("GET", "/api/0/projects/", null, Scope.PROJECT_READ, false),
                new Route("GET", "/api/0/organizations/acme/projects/", null, Scope.PROJECT_READ, true),
                new Route("GET", "/api/0/teams/acme/backend/projects/", null, Scope.PROJECT_READ, true),
                new Route("POST", "/api/0/teams/acme/backend/projects/", "{\"name\": \"Web\"}", Scope.PROJECT_WRITE,
                        true),
                new Route("GET", "/api/0/projects/acme/api/", null, Scope.PROJECT_READ, true),
                new Route("PUT", "/api/0/projects/acme/api/", "{\"name\": \"API\"}", Scope.PROJECT_WRITE, true),
                new Route("DELETE", "/api/0/projects/acme/api/", null, Scope.PROJECT_ADMIN, true),
                new Route("GET", "/api/0/projects/acme/api/keys/", null, Scope.PROJECT_READ, true),
                new Route("POST", "/api/0/projects/acme/api/keys/", "{\"name\": \"Second\"}", Scope.PROJECT_WRITE, true),
                new Route("GET", "/api/0/projects/acme/api/keys/" + key + "/", null, Scope.PROJECT_READ, true),
                new Route("PUT", "/api/0/projects/acme/api/keys/" + key + "/", "{\"isActive\": false}",
                        Scope.PROJECT_WRITE, true),
                new Route("DELETE", "/api/0/projects/acme/api/keys/" + key + "/", null, Scope.PROJECT_ADMIN, true));
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Teams teams;
    @Autowired
    Projects projects;
    @Autowired
    ProjectKeys keys;
    @Autowired
    ApiTokens tokens;

    /** The acme owner's user, each role's token (all scopes) in acme, and the owner of another organization. */
    User owner;
    Map<Role, String> roleTokens;
    Map<Role, Long> roleMemberIds;
    String outsiderToken;
    String key;

    @BeforeEach
    void twoOrganizations() {
        owner = accounts.register("owner@acme.test", "Owner", "owner-password", false);
        Membership acme = organizations.create(Caller.signedIn(owner.id(), false), "Acme", "acme");
        var backend = teams.create(acme, "Backend", "backend");
        var api = projects.create(acme, backend, "api", "api", "python");
        key = keys.list(acme, api).getFirst().publicKeyString();
        roleTokens = new EnumMap<>(Role.class);
        roleMemberIds = new EnumMap<>(Role.class);
        roleTokens.put(Role.OWNER, allScopes(owner));
        roleMemberIds.put(Role.OWNER, acme.memberId());
        for (Role role : List.of(Role.MEMBER, Role.ADMIN, Role.MANAGER)) {
            User user = accounts.register(role.id() + "@acme.test", role.label(), "role-password", false);
            long memberId = join(acme, user, role);
            roleTokens.put(role, allScopes(user));
            roleMemberIds.put(role, memberId);
        }
        User outsider = accounts.register("owner@other.test", "Other", "other-password", false);
        Membership other = organizations.create(Caller.signedIn(outsider.id(), false), "Other", "other");
        projects.create(other, teams.create(other, "Backend", "backend"), "api", "api", null);
        outsiderToken = allScopes(outsider);
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        var soft = new SoftAssertions();
        for (Route route : routes(key)) {
            var response = Api.anonymous(port).send(route.method(), path(route, Role.MEMBER), route.body());
            soft.assertThat(response.status()).as(route.toString()).isEqualTo(401);
            soft.assertThat(response.detail()).as(route.toString()).isEqualTo("Authentication credentials were not provided.");
        }
        soft.assertAll();
    }

    @Test
    void membersOfAnotherOrganizationFindNothing() {
        var soft = new SoftAssertions();
        var outsider = new Api(port, outsiderToken);
        for (Route route : routes(key).stream().filter(Route::org).toList()) {
            var response = outsider.send(route.method(), path(route, Role.MEMBER), route.body());
            soft.assertThat(response.status()).as(route.toString()).isEqualTo(404);
            soft.assertThat(response.detail()).as(route.toString()).isEqualTo("Not found.");
        }
        soft.assertThat(outsider.get("/api/0/organizations/").body()).doesNotContain("acme");
        soft.assertThat(outsider.get("/api/0/projects/").json().findValues("slug").stream()
                .map(node -> node.asString()).toList()).doesNotContain("acme");
        soft.assertAll();
        assertThat(new Api(port, roleTokens.get(Role.OWNER)).get("/api/0/organizations/acme/").status()).isEqualTo(200);
    }

    @Test
    void tokensWithoutTheScopeAreForbidden() {
        var soft = new SoftAssertions();
        for (Route route : routes(key)) {
            Set<String> scopes = Scope.all().stream().filter(scope -> !scope.satisfies(route.scope()))
                    .map(Scope::value).collect(Collectors.toSet());
            var limited = new Api(port, tokens.create(owner.id(), "without " + route.scope().value(), scopes).value());
            var response = limited.send(route.method(), path(route, Role.MEMBER), route.body());
            soft.assertThat(response.status()).as(route.toString()).isEqualTo(403);
            soft.assertThat(response.detail()).as(route.toString())
                    .isEqualTo("You do not have permission to perform this action.");
        }
        soft.assertAll();
    }

    @Test
    void eachRoleMayDoWhatItsScopesAllow() {
        // Expected status for member, admin, manager, owner; each role acts on its own objects where it writes.
        record Case(String method, String path, String body, int member, int admin, int manager, int owner) {
        }
        List<Case> cases = List.of(
                new Case("GET", "/api/0/organizations/acme/", null, 200, 200, 200, 200),
                new Case("PUT", "/api/0/organizations/acme/", "{\"name\": \"Acme {role}\"}", 403, 403, 200, 200),
                new Case("GET", "/api/0/organizations/acme/members/", null, 200, 200, 200, 200),
                new Case("POST", "/api/0/organizations/acme/members/",
                        "{\"email\": \"{role}-invitee@acme.test\", \"orgRole\": \"member\"}", 403, 403, 201, 201),
                new Case("GET", "/api/0/organizations/acme/teams/", null, 200, 200, 200, 200),
                new Case("POST", "/api/0/organizations/acme/teams/", "{\"slug\": \"team-{role}\"}", 403, 201, 201, 201),
                new Case("POST", "/api/0/organizations/acme/members/me/teams/backend/", null, 201, 201, 201, 201),
                new Case("DELETE", "/api/0/organizations/acme/members/me/teams/backend/", null, 200, 200, 200, 200),
                new Case("GET", "/api/0/organizations/acme/projects/", null, 200, 200, 200, 200),
                new Case("POST", "/api/0/teams/acme/backend/projects/", "{\"name\": \"project-{role}\"}", 403, 201, 201,
                        201),
                new Case("PUT", "/api/0/projects/acme/api/", "{\"platform\": \"java\"}", 403, 200, 200, 200),
                new Case("GET", "/api/0/projects/acme/api/keys/", null, 200, 200, 200, 200),
                new Case("POST", "/api/0/projects/acme/api/keys/", "{\"name\": \"key-{role}\"}", 403, 201, 201, 201),
                new Case("PUT", "/api/0/organizations/acme/members/{member}/", "{\"orgRole\": \"member\"}", 403, 403, 200,
                        200));
        var soft = new SoftAssertions();
        for (Role role : List.of(Role.MEMBER, Role.ADMIN, Role.MANAGER, Role.OWNER)) {
            var api = new Api(port, roleTokens.get(role));
            for (Case c : cases) {
                int expected = switch (role) {
                    case MEMBER -> c.member();
                    case ADMIN -> c.admin();
                    case MANAGER -> c.manager();
                    case OWNER -> c.owner();
                };
                String path = c.path().replace("{member}", String.valueOf(roleMemberIds.get(Role.MEMBER)));
                String body = c.body() == null ? null : c.body().replace("{role}", role.id());
                var response = api.send(c.method(), path, body);
                soft.assertThat(response.status()).as(role + " " + c.method() + " " + path + ": " + response.body())
                        .isEqualTo(expected);
            }
        }
        soft.assertAll();
    }

    @Test
    void onlyOwnersDeleteTheOrganizationAndManagersRemoveMembers() {
        var soft = new SoftAssertions();
        long member = roleMemberIds.get(Role.MEMBER);
        soft.assertThat(new Api(port, roleTokens.get(Role.ADMIN))
                .delete("/api/0/organizations/acme/members/" + member + "/").status()).isEqualTo(403);
        soft.assertThat(new Api(port, roleTokens.get(Role.MANAGER))
                .delete("/api/0/organizations/acme/members/" + member + "/").status()).isEqualTo(204);
        for (Role role : List.of(Role.ADMIN, Role.MANAGER)) {
            soft.assertThat(new Api(port, roleTokens.get(role)).delete("/api/0/organizations/acme/").status())
                    .as(role.toString()).isEqualTo(403);
        }
        soft.assertThat(new Api(port, roleTokens.get(Role.ADMIN)).delete("/api/0/projects/acme/api/keys/" + key + "/")
                .status()).isEqualTo(204);
        soft.assertThat(new Api(port, roleTokens.get(Role.ADMIN)).delete("/api/0/teams/acme/backend/").status())
                .isEqualTo(204);
        soft.assertThat(new Api(port, roleTokens.get(Role.ADMIN)).delete("/api/0/projects/acme/api/").status())
                .isEqualTo(204);
        soft.assertThat(new Api(port, roleTokens.get(Role.OWNER)).delete("/api/0/organizations/acme/").status())
                .isEqualTo(204);
        soft.assertThat(new Api(port, roleTokens.get(Role.OWNER)).get("/api/0/organizations/acme/").status())
                .isEqualTo(404);
        soft.assertAll();
    }

    private String path(Route route, Role memberOfRole) {
        return route.path().replace("{member}", String.valueOf(roleMemberIds.get(memberOfRole)));
    }

    private String allScopes(User user) {
        return tokens.create(user.id(), "all", Scope.values(Scope.all())).value();
    }

    /** The invitation round trip, through the services: invited with the role, accepted by the user. */
    private long join(Membership organization, User user, Role role) {
        var invited = members.invite(organization, List.of(user.email()), role, List.of()).getFirst();
        String token = invited.link().substring(invited.link().lastIndexOf('/') + 1);
        members.accept(Caller.signedIn(user.id(), false), invited.member().id(), token);
        return invited.member().id();
    }
}
