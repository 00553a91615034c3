package dev.faultline.account;

import java.util.Set;

/**
 * Who is making a request: a signed-in user, or a user's API token limited to the token's scopes.
 *
 * @param tokenScopes the token's scopes, or null when the user signed in (then only the role limits them)
 */
public record Caller(long userId, boolean superuser, Set<Scope> tokenScopes) {

    public static Caller signedIn(long userId, boolean superuser) {
        return new Caller(userId, superuser, null);
    }

    public boolean viaToken() {
        return tokenScopes != null;
    }

    /** Whether a role granting {@code roleScopes} lets this caller do what {@code required} allows. */
    public boolean permits(Set<Scope> roleScopes, Scope required) {
        return Scope.anySatisfies(roleScopes, required) && tokenPermits(required);
    }

    /** Whether the token (if any) allows {@code required}; for routes that no role governs. */
    public boolean tokenPermits(Scope required) {
        return tokenScopes == null || Scope.anySatisfies(tokenScopes, required);
    }
}
