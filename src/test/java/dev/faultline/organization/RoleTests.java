package dev.faultline.organization;

import java.util.Arrays;

import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.faultline.account.Scope.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleTests {

    /** GlitchTip's ROLES in organizations_ext/models.py, which took them from Sentry. */
    @Test
    void grantGlitchtipsScopeSets() {
        assertThat(Scope.values(Role.MEMBER.scopes())).containsExactlyInAnyOrder("event:read", "event:write",
                "event:admin", "project:releases", "project:read", "org:read", "member:read", "team:read");
        assertThat(Scope.values(Role.ADMIN.scopes())).containsExactlyInAnyOrder("event:read", "event:write",
                "event:admin", "org:read", "member:read", "project:read", "project:write", "project:admin",
                "project:releases", "team:read", "team:write", "team:admin", "org:integrations");
        assertThat(Scope.values(Role.MANAGER.scopes())).containsExactlyInAnyOrder("event:read", "event:write",
                "event:admin", "member:read", "member:write", "member:admin", "project:read", "project:write",
                "project:admin", "project:releases", "team:read", "team:write", "team:admin", "org:read", "org:write",
                "org:integrations");
        assertThat(Role.OWNER.scopes()).isEqualTo(Scope.all());
    }

    @Test
    void aMemberActsOnEventsButCannotChangeProjects() {
        assertThat(allows(Role.MEMBER, EVENT_ADMIN)).isTrue();
        assertThat(allows(Role.MEMBER, PROJECT_RELEASES)).isTrue();
        assertThat(allows(Role.MEMBER, PROJECT_WRITE)).isFalse();
        assertThat(allows(Role.MEMBER, TEAM_WRITE)).isFalse();
        assertThat(allows(Role.MEMBER, MEMBER_WRITE)).isFalse();
    }

    @Test
    void anAdminManagesProjectsAndTeamsButNotMembersNorTheOrganization() {
        assertThat(allows(Role.ADMIN, PROJECT_ADMIN)).isTrue();
        assertThat(allows(Role.ADMIN, TEAM_ADMIN)).isTrue();
        assertThat(allows(Role.ADMIN, MEMBER_WRITE)).isFalse();
        assertThat(allows(Role.ADMIN, ORG_WRITE)).isFalse();
    }

    @Test
    void aManagerManagesMembersButCannotAdministerTheOrganization() {
        assertThat(allows(Role.MANAGER, MEMBER_ADMIN)).isTrue();
        assertThat(allows(Role.MANAGER, ORG_WRITE)).isTrue();
        assertThat(allows(Role.MANAGER, ORG_ADMIN)).isFalse();
    }

    @Test
    void anOwnerMayDoEverything() {
        assertThat(Scope.all()).allSatisfy(scope -> assertThat(allows(Role.OWNER, scope)).as(scope.value()).isTrue());
    }

    @Test
    void rolesAreOrderedMemberAdminManagerOwner() {
        assertThat(Role.OWNER.atLeast(Role.MANAGER)).isTrue();
        assertThat(Role.MANAGER.atLeast(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.atLeast(Role.MEMBER)).isTrue();
        assertThat(Role.MEMBER.atLeast(Role.ADMIN)).isFalse();
        assertThat(Role.MANAGER.atLeast(Role.OWNER)).isFalse();
        assertThat(Role.values()).allSatisfy(role -> assertThat(role.atLeast(role)).isTrue());
    }

    @Test
    void parseReadsTheApisNamesInAnyCase() {
        assertThat(Arrays.stream(Role.values()).map(role -> Role.parse(role.id()))).containsExactly(Role.values());
        assertThat(Role.parse("Owner")).isEqualTo(Role.OWNER);
        assertThat(Role.parse(" admin ")).isEqualTo(Role.ADMIN);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"superuser", "billing", "", "owners"})
    void parseRejectsWhatIsNotARoleAsABadRole(String value) {
        assertThatThrownBy(() -> Role.parse(value)).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.field()).isEqualTo("role");
            assertThat(problem.detail()).contains("is not a role");
        });
    }

    @Test
    void theApiNamesRolesInLowerCase() {
        assertThat(Arrays.stream(Role.values()).map(Role::id)).containsExactly("member", "admin", "manager", "owner");
    }

    private static boolean allows(Role role, Scope required) {
        return Scope.anySatisfies(role.scopes(), required);
    }
}
