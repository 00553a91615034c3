package dev.faultline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Typed access to environment variables; a blank value counts as unset, a malformed one names its variable. */
final class EnvironmentReader {

    private final Function<String, String> lookup;

    EnvironmentReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    Optional<String> text(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    boolean isSet(String name) {
        return text(name).isPresent();
    }

    int integer(String name, int defaultValue, int min, int max) {
        return text(name).map(value -> parseInteger(name, value, min, max)).orElse(defaultValue);
    }

    static int parseInteger(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new InvalidSettingException(name, "'%s' is not a whole number from %d to %d".formatted(value, min, max));
    }

    boolean flag(String name, boolean defaultValue) {
        return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidSettingException(name, "'%s' is not true or false".formatted(value));
        }).orElse(defaultValue);
    }

    /** An absolute URI with a host; anything else is reported as not parsing. */
    static URI absoluteUri(String name, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        }
        catch (URISyntaxException ignored) {
            // reported below
        }
        throw new InvalidSettingException(name, "'%s' is not a URL of the form scheme://host".formatted(value));
    }

    /** The user and password of a URL's user-info part, percent-decoded; absent parts are null. */
    record Credentials(String user, String password) {

        static Credentials of(URI uri) {
            if (uri.getRawUserInfo() == null) {
                return new Credentials(null, null);
            }
            String[] parts = uri.getRawUserInfo().split(":", 2);
            return new Credentials(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : null);
        }

        /** Percent-decoding only: in the user part of a URL a '+' is a plus, not a space. */
        private static String decode(String part) {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
