package dev.faultline.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides which issue a normalized event belongs to, by Sentry's rules: a {@code checksum} from the SDK wins, then a
 * custom {@code fingerprint}, then the default grouping by exception, stack trace, CSP report or message.
 * Stateless and thread-safe.
 */
public final class Grouper {

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

    public Grouping group(ObjectNode event) {
        String checksum = Json.text(event, "checksum");
        if (checksum != null) {
            return checksum(checksum);
        }
        List<String> fingerprint = fingerprint(event);
        if (fingerprint.isEmpty() || fingerprint.size() == 1 && FingerprintVariables.isDefault(fingerprint.getFirst())) {
            Grouped grouped = DefaultGrouping.of(event);
            return new Grouping(hash(grouped.values()), "default", grouped.components());
        }
        return fingerprinted(fingerprint, event);
    }

    private static Grouping checksum(String checksum) {
        if (MD5_HEX.matcher(checksum).matches()) {
            return new Grouping(checksum.toLowerCase(Locale.ROOT), "checksum", component("checksum", Part.of(checksum)));
        }
        return new Grouping(md5(checksum), "checksum",
                component("checksum", new Part(checksum, true, "hashed: not 32 hexadecimal digits")));
    }

    private static Grouping fingerprinted(List<String> fingerprint, ObjectNode event) {
        List<String> values = new ArrayList<>();
        ObjectNode components = Json.object();
        ArrayNode resolved = components.putObject("fingerprint").putArray("values");
        for (String entry : fingerprint) {
            if (FingerprintVariables.isDefault(entry)) {
                Grouped grouped = DefaultGrouping.of(event);
                values.addAll(grouped.values());
                components.setAll(grouped.components());
                resolved.add("{{ default }}");
            } else {
                String value = FingerprintVariables.resolve(entry, event);
                values.add("fingerprint=" + value);
                resolved.add(value);
            }
        }
        return new Grouping(hash(values), "fingerprint", components);
    }

    /** The fingerprint's entries; numbers and booleans count as their text, other non-strings are dropped. */
    private static List<String> fingerprint(ObjectNode event) {
        JsonNode fingerprint = event.get("fingerprint");
        List<String> entries = new ArrayList<>();
        if (fingerprint != null && fingerprint.isArray()) {
            for (JsonNode entry : fingerprint) {
                if (entry.isString() || entry.isNumber() || entry.isBoolean()) {
                    entries.add(entry.asString());
                }
            }
        }
        return entries;
    }

    private static ObjectNode component(String name, Part part) {
        ObjectNode components = Json.object();
        components.set(name, part.toJson());
        return components;
    }

    /** Each value is followed by a separator, so that ["ab", "c"] and ["a", "bc"] hash differently. */
    private static String hash(List<String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach(value -> text.append(value).append('\0'));
        return md5(text.toString());
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
