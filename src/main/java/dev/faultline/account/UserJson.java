package dev.faultline.account;

import java.time.Instant;
import java.util.Map;

/** A user in the API, in GlitchTip's shape. */
public record UserJson(String id, String name, String email, String username, Instant dateJoined, Instant lastLogin,
        boolean isSuperuser, boolean isActive, boolean hasPasswordAuth, Map<String, String> options) {

    public static UserJson of(User user) {
        return new UserJson(String.valueOf(user.id()), user.name(), user.email(), user.email(), user.createdAt(),
                user.lastLoginAt(), user.superuser(), user.active(), user.hasPassword(),
                Map.of("timezone", user.timeZone(), "theme", user.theme().value()));
    }
}
