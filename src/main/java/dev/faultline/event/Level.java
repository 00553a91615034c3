package dev.faultline.event;

import java.util.Arrays;
import java.util.Locale;

/** Sentry's event levels, numbered by severity as the {@code level} columns store them. */
public enum Level {
    DEBUG(1), INFO(2), WARNING(3), ERROR(4), FATAL(5);

    private final int code;

    Level(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level of(int code) {
        return Arrays.stream(values()).filter(level -> level.code == code).findFirst().orElse(ERROR);
    }

    /** A normalized event's level; anything unexpected counts as an error. */
    public static Level of(String value) {
        return Arrays.stream(values()).filter(level -> level.value().equals(value)).findFirst().orElse(ERROR);
    }
}
