package dev.faultline.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Event times: parsing what SDKs send, correcting skewed clocks and keeping times within relay's window. */
final class Timestamps {

    /**
     * A difference between the SDK's {@code sent_at} and our clock beyond this is taken as clock skew. Relay waits
     * for 55 minutes (it only corrects time-zone mistakes); we correct any skew clearly above network delay.
     */
    static final Duration MIN_CLOCK_DRIFT = Duration.ofSeconds(60);
    /** Relay's {@code max_secs_in_future}. */
    static final Duration MAX_IN_FUTURE = Duration.ofSeconds(60);
    /** Relay's {@code max_secs_in_past}. */
    static final Duration MAX_IN_PAST = Duration.ofDays(30);

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern RFC_3339 = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}(?::\\d{2})?)(?:[.,](\\d+))?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private Timestamps() {
    }

    /** Unix seconds (a number or a numeric string) or an RFC 3339 date-time; null when it is neither. */
    static Instant parse(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return fromSeconds(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue())
                    : node.isBigDecimal() ? node.decimalValue() : BigDecimal.valueOf(node.doubleValue()));
        }
        String text = Json.string(node);
        if (text == null) {
            return null;
        }
        text = text.strip();
        if (NUMBER.matcher(text).matches()) {
            return fromSeconds(new BigDecimal(text));
        }
        Matcher matcher = RFC_3339.matcher(text);
        return matcher.matches() ? fromParts(matcher) : null;
    }

    /** Unix seconds as a JSON number, the nearest double to the exact value so it prints as it was sent. */
    static double seconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .doubleValue();
    }

    /**
     * Sets {@code timestamp} and {@code received}, correcting the SDK's clock by {@code sent_at} and replacing times
     * too far in the future or past by the time received (as relay does, by shifting every time of the event).
     */
    static void normalize(ObjectNode event, Received received, ArrayNode errors) {
        Instant receivedAt = received.receivedAt() == null ? Instant.now() : received.receivedAt();
        if (received.sentAt() != null) {
            Duration drift = Duration.between(received.sentAt(), receivedAt);
            if (drift.abs().compareTo(MIN_CLOCK_DRIFT) > 0) {
                shiftAll(event, drift);
                errors.add(error("clock_drift", received.sentAt(), receivedAt));
            }
        }
        Instant timestamp = parse(event.get("timestamp"));
        if (timestamp != null && timestamp.isAfter(receivedAt.plus(MAX_IN_FUTURE))) {
            shiftAll(event, Duration.between(timestamp, receivedAt));
            errors.add(error("future_timestamp", timestamp, receivedAt));
        } else if (timestamp != null && timestamp.isBefore(receivedAt.minus(MAX_IN_PAST))) {
            shiftAll(event, Duration.between(timestamp, receivedAt));
            errors.add(error("past_timestamp", timestamp, receivedAt));
        }
        Instant corrected = parse(event.get("timestamp"));
        event.put("timestamp", seconds(corrected == null ? receivedAt : corrected));
        shift(event, "start_timestamp", Duration.ZERO);
        event.put("received", seconds(receivedAt));
    }

    private static void shiftAll(ObjectNode event, Duration delta) {
        shift(event, "timestamp", delta);
        shift(event, "start_timestamp", delta);
        for (JsonNode breadcrumb : Json.values(event.get("breadcrumbs"))) {
            shift(Json.object(breadcrumb), "timestamp", delta);
        }
        for (JsonNode span : Json.values(event.get("spans"))) {
            shift(Json.object(span), "start_timestamp", delta);
            shift(Json.object(span), "timestamp", delta);
        }
    }

    private static void shift(ObjectNode object, String field, Duration delta) {
        Instant time = object == null ? null : parse(object.get(field));
        if (time != null) {
            object.put(field, seconds(clamp(time.plus(delta))));
        }
    }

    private static ObjectNode error(String type, Instant sdkTime, Instant serverTime) {
        ObjectNode error = Json.NODES.objectNode();
        error.put("type", type);
        error.put("name", "timestamp");
        error.put("sdk_time", sdkTime.toString());
        error.put("server_time", serverTime.toString());
        return error;
    }

    private static Instant fromSeconds(BigDecimal seconds) {
        if (seconds.abs().compareTo(BigDecimal.valueOf(LATEST.getEpochSecond())) > 0) {
            return null;
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return inRange(Instant.ofEpochSecond(whole.longValueExact(), nanos));
    }

    private static Instant fromParts(Matcher matcher) {
        String time = matcher.group(2).length() == 5 ? matcher.group(2) + ":00" : matcher.group(2);
        String fraction = matcher.group(3) == null ? "" : "." + matcher.group(3).substring(0,
                Math.min(9, matcher.group(3).length()));
        try {
            LocalDateTime local = LocalDateTime.parse(matcher.group(1) + "T" + time + fraction);
            return inRange(local.toInstant(offset(matcher.group(4))));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        return ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
                digits.length() > 3 ? Integer.parseInt(digits.charAt(0) + digits.substring(3)) : 0);
    }

    private static Instant inRange(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    }

    private static Instant clamp(Instant instant) {
        return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    }
}
