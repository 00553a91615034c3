package dev.faultline.ingest;

import java.util.Locale;
import java.util.UUID;

/** Sentry event ids: 32 hexadecimal digits, which SDKs send with or without dashes. */
public final class EventIds {

    private EventIds() {
    }

    /** The id, or null when the text is not one. */
    public static UUID parse(String text) {
        return SentryAuth.parseKey(text);
    }

    /** The form Sentry shows: 32 lower-case digits without dashes. */
    public static String format(UUID id) {
        return id.toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
