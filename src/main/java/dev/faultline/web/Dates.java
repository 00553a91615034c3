package dev.faultline.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Times on pages, in the signed-in user's time zone ({@code ${@dates.dateTime(instant)}} in templates). The zone is
 * put on the request by {@link LayoutInterceptor}.
 */
@Component("dates")
public class Dates {

    static final String TIME_ZONE_ATTRIBUTE = Dates.class.getName() + ".zone";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

    public String date(Instant instant) {
        return instant == null ? "" : DATE.withZone(zone()).format(instant);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withZone(zone()).format(instant);
    }

    /** Second-exact with the zone named, for a tooltip beside a relative time. */
    public String exact(Instant instant) {
        return instant == null ? "" : EXACT.withZone(zone()).format(instant);
    }

    /** "just now", "5 minutes ago", "3 days ago". */
    public String relative(Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration age = Duration.between(instant, Instant.now());
        if (age.isNegative() || age.toSeconds() < 45) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return plural(Math.max(1, age.toMinutes()), "minute");
        }
        if (age.toHours() < 24) {
            return plural(age.toHours(), "hour");
        }
        if (age.toDays() < 30) {
            return plural(age.toDays(), "day");
        }
        if (age.toDays() < 365) {
            return plural(age.toDays() / 30, "month");
        }
        return plural(age.toDays() / 365, "year");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s") + " ago";
    }

    private static ZoneId zone() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object zone = attributes == null ? null
                : attributes.getAttribute(TIME_ZONE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return zone instanceof ZoneId id ? id : ZoneId.of("UTC");
    }
}
