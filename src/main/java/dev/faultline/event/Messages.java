package dev.faultline.event;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message normalization for grouping, after Sentry's "message parameterization": values that differ from one event
 * to the next (numbers, ids, addresses, dates ...) become placeholders, so that {@code user 5 failed} and
 * {@code user 7 failed} are one issue. Only the first two non-blank lines count.
 */
final class Messages {

    // Long enough for any message worth grouping by, short enough that the patterns below stay cheap.
    private static final int LONGEST_MESSAGE = 4096;

    private static final String DAY = "(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)";
    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String ZONE = "(?:[-+]\\d{2}[0-5]\\d|UT|GMT|[ECMP][SD]T|[A-IK-Z])";
    private static final String OCTET = "(?:25[0-5]|(?:2[0-4]|1?[0-9])?[0-9])";
    private static final String IPV4 = OCTET + "(?:\\." + OCTET + "){3}";
    private static final String EMAIL_NAME = "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]";
    private static final String H = "[0-9a-fA-F]{1,4}";
    private static final String TLDS = "com|net|org|jp|de|uk|fr|br|it|ru|es|me|gov|pl|ca|au|cn|co|in|nl|edu|info|eu|ch|id"
            + "|at|kr|cz|mx|be|tv|se|tr|tw|al|ua|ir|vn|cl|sk|ly|cc|to|no|fi|us|pt|dk|ar|hu|tk|gr|il|news|ro|my|biz|ie"
            + "|za|nz|sg|ee|th|io|xyz|pe|bg|hk|rs|lt|link|ph|club|si|site|mobi|by|cat|wiki|la|ga|xxx|cf|hr|ng|jobs"
            + "|online|kz|ug|gq|ae|is|lv|pro|fm|tips|ms|sa|app";

    /**
     * Placeholder name and pattern, tried in this order at each position of the text. Repeated groups are bounded:
     * Java matches each repetition of a group with a nested call, so an unbounded one overflows the stack on
     * inputs such as {@code a.a.a.a...}.
     */
    private static final List<String[]> PLACEHOLDERS = List.of(
            // Starting only where the name starts keeps this linear: any other start fails the same way.
            new String[] {"email", "(?<!" + EMAIL_NAME + ")" + EMAIL_NAME + "+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+){0,16}"},
            new String[] {"url", "\\b(?:wss?|https?|ftp)://[^\\s/$.?#].[^\\s]*"},
            new String[] {"hostname", "\\b(?:[a-zA-Z0-9-]{1,63}\\.){1,16}?(?:" + TLDS + "|" + TLDS.toUpperCase() + ")\\b"},
            // Sentry's IPv6 forms, kept from matching inside words such as C++'s Foo::bar.
            new String[] {"ip", "(?<![\\w:.])(?:"
                    + "(?:" + H + ":){7}" + H
                    + "|(?:" + H + ":){1,7}:"
                    + "|(?:" + H + ":){1,6}:" + H
                    + "|(?:" + H + ":){1,5}(?::" + H + "){1,2}"
                    + "|(?:" + H + ":){1,4}(?::" + H + "){1,3}"
                    + "|(?:" + H + ":){1,3}(?::" + H + "){1,4}"
                    + "|(?:" + H + ":){1,2}(?::" + H + "){1,5}"
                    + "|" + H + ":(?::" + H + "){1,6}"
                    + "|:(?:(?::" + H + "){1,7}|:)"
                    + "|fe80:(?::[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]+"
                    + "|::(?:ffff(?::0{1,4})?:)?" + IPV4
                    + "|(?:" + H + ":){1,4}:" + IPV4
                    + ")(?![\\w:])|\\b" + IPV4 + "\\b"},
            new String[] {"uuid", "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"},
            new String[] {"sha1", "\\b[0-9a-fA-F]{40}\\b"},
            new String[] {"md5", "\\b[0-9a-fA-F]{32}\\b"},
            new String[] {"date", String.join("|",
                    DAY + ",\\s\\d{1,2}\\s" + MONTH + "\\s\\d{2,4}\\s\\d{1,2}:\\d{1,2}(?::\\d{1,2})?\\s" + ZONE,
                    "(?:" + DAY + "\\s)?" + MONTH + "\\s[0-3]\\d,\\s\\d{2,4}",
                    "(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday),\\s\\d{2}-" + MONTH
                            + "-\\d{2}\\s\\d{2}:\\d{2}:\\d{2}\\s" + ZONE,
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?",
                    "\\d{4}-?[01]\\d-?[0-3]\\d\\s[0-2]\\d:[0-5]\\d:[0-5]\\d(?:\\.\\d+)?",
                    "\\d{1,2}:\\d{2}(?::\\d{2})?(?: [aApP][mM])?",
                    "\\d{4}-[01]\\d-[0-3]\\d",
                    "\\b(?:" + DAY + "\\s+)?" + MONTH + "\\s+\\d{1,2}\\s+\\d{2}:\\d{2}:\\d{2}\\s+\\d{4}",
                    "\\b(?:" + DAY + ",\\s+)?(?:0[1-9]|[1-2]?\\d|3[01])\\s+" + MONTH + "\\s+(?:19\\d{2}|[2-9]\\d{3})"
                            + "\\s+(?:2[0-3]|[0-1]\\d):[0-5]\\d(?::(?:60|[0-5]\\d))?\\s+" + ZONE,
                    "datetime\\.datetime\\(.*?\\)")},
            new String[] {"duration", "\\b\\d+ms\\b|\\b\\d+(?:\\.\\d+)?s\\b"},
            new String[] {"hex", "\\b0[xX][0-9a-fA-F]+\\b"
                    // Hashes and ids of other lengths (SHA-256, object ids, trace ids), which Sentry catches with
                    // a tokenizer heuristic: 16 or more hex digits with both letters and digits among them.
                    + "|\\b(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{16,}\\b"},
            new String[] {"float", "-\\d+\\.\\d+\\b|\\b\\d+\\.\\d+\\b"},
            new String[] {"int", "-\\d+\\b|\\b\\d+\\b"},
            // Only values of key=value pairs: other quoted text and words are usually part of the message.
            new String[] {"quoted_str", "(?<==)(?:'[^']+'|\"[^\"]+\")"},
            new String[] {"bool", "(?<==)(?:[Tt]rue|[Ff]alse)"});

    private static final Pattern PLACEHOLDER = Pattern.compile(String.join("|", PLACEHOLDERS.stream()
            .map(placeholder -> "(?<" + groupName(placeholder[0]) + ">" + placeholder[1] + ")")
            .toList()));

    private Messages() {
    }

    /** The message as it counts for grouping; the hint says when it was changed. */
    static Part normalize(String message) {
        List<String> lines = message.lines().filter(line -> !line.isBlank()).limit(2).toList();
        String trimmed = String.join("\n", lines);
        if (!trimmed.equals(message)) {
            trimmed += "...";
        }
        if (trimmed.length() > LONGEST_MESSAGE) {
            trimmed = trimmed.substring(0, LONGEST_MESSAGE);
        }
        Matcher matcher = PLACEHOLDER.matcher(trimmed);
        String normalized = matcher.replaceAll(match -> {
            for (String[] placeholder : PLACEHOLDERS) {
                if (match.group(groupName(placeholder[0])) != null) {
                    return "<" + placeholder[0] + ">";
                }
            }
            return "";
        });
        Part part = Part.of(message);
        return part.rewritten(normalized, "event-specific values replaced");
    }

    private static String groupName(String placeholder) {
        return placeholder.replace("_", "");
    }
}
