package dev.faultline.organization;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.faultline.account.Scope;
import dev.faultline.api.Problem;

import static dev.faultline.account.Scope.*;

/** A member's role in an organization and the scopes it grants: GlitchTip's four roles, after Sentry's. */
public enum Role {

    MEMBER("Member", EnumSet.of(EVENT_READ, EVENT_WRITE, EVENT_ADMIN, PROJECT_RELEASES, PROJECT_READ, ORG_READ,
            MEMBER_READ, TEAM_READ)),
    ADMIN("Admin", EnumSet.of(EVENT_READ, EVENT_WRITE, EVENT_ADMIN, ORG_READ, MEMBER_READ, PROJECT_READ,
            PROJECT_WRITE, PROJECT_ADMIN, PROJECT_RELEASES, TEAM_READ, TEAM_WRITE, TEAM_ADMIN, ORG_INTEGRATIONS)),
    MANAGER("Manager", EnumSet.of(EVENT_READ, EVENT_WRITE, EVENT_ADMIN, MEMBER_READ, MEMBER_WRITE, MEMBER_ADMIN,
            PROJECT_READ, PROJECT_WRITE, PROJECT_ADMIN, PROJECT_RELEASES, TEAM_READ, TEAM_WRITE, TEAM_ADMIN, ORG_READ,
            ORG_WRITE, ORG_INTEGRATIONS)),
    OWNER("Owner", EnumSet.allOf(Scope.class));

    private final String label;
    private final Set<Scope> scopes;

    Role(String label, Set<Scope> scopes) {
        this.label = label;
        this.scopes = Collections.unmodifiableSet(scopes);
    }

    /** The role as the API names it: member, admin, manager, owner. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role parse(String value) {
        return Arrays.stream(values()).filter(role -> role.id().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> Problem.badRequest("role", "'" + value + "' is not a role; roles are member, admin, "
                        + "manager and owner"));
    }
}
