package dev.faultline.ingest;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** Sentry's timestamps as normalized events carry them: Unix seconds with a fraction, as JSON numbers. */
public final class UnixSeconds {

    private UnixSeconds() {
    }

    /** The instant, to the microsecond; {@code fallback} when the node is not a number. */
    public static Instant instant(JsonNode seconds, Instant fallback) {
        if (seconds == null || !seconds.isNumber()) {
            return fallback;
        }
        double value = seconds.doubleValue();
        long whole = (long) Math.floor(value);
        return Instant.ofEpochSecond(whole, Math.round((value - whole) * 1_000_000) * 1000);
    }
}
