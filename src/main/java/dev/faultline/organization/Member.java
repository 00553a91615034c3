package dev.faultline.organization;

import java.time.Instant;

/**
 * A user's place in an organization, or while {@code pending} an invitation sent to {@code email}.
 *
 * @param userId null while the invitation is pending
 * @param name   the user's name, empty for a pending invitation
 */
public record Member(long id, long organizationId, Long userId, String email, String name, Role role,
        Instant createdAt, boolean pending, Instant invitedAt) {

    public String displayName() {
        return name == null || name.isBlank() ? email : name;
    }
}
