package dev.faultline.account;

import java.time.Instant;

/** A person who signs in. {@code hasPassword} is false for accounts that cannot sign in with a password. */
public record User(long id, String email, String name, boolean superuser, boolean active, String timeZone,
        Theme theme, Instant createdAt, Instant lastLoginAt, boolean hasPassword) {

    public enum Theme {
        LIGHT, DARK, SYSTEM;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The name to show: the user's name, or the email when there is none. */
    public String displayName() {
        return name.isBlank() ? email : name;
    }
}
