package dev.faultline.account;

import java.time.Instant;
import java.util.Set;

/** A user's API token as listed: its value is never shown again after creation, only its last characters. */
public record ApiToken(long id, long userId, String label, String tokenEnd, Set<Scope> scopes, Instant createdAt,
        Instant lastUsedAt) {

    public Set<String> scopeNames() {
        return Scope.values(scopes);
    }
}
