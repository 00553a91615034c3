package dev.faultline.organization;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;

/**
 * A caller's standing in one organization: the organization, their member record and role. Obtained only through
 * {@link Organizations#membership}, so holding one proves the caller belongs; every query about the organization's
 * data is scoped by {@link #organizationId()}.
 */
public record Membership(Organization organization, long memberId, Role role, Caller caller) {

    public long organizationId() {
        return organization.id();
    }

    public boolean can(Scope scope) {
        return caller.permits(role.scopes(), scope);
    }

    /** {@link #can} with the scope by name, for templates: {@code membership.allows('member:write')}. */
    public boolean allows(String scope) {
        return can(Scope.of(scope));
    }

    /** Goes on when the role and the token both allow {@code scope}; otherwise a 403. */
    public Membership require(Scope scope) {
        if (!can(scope)) {
            throw Problem.forbidden();
        }
        return this;
    }
}
