package dev.faultline.issue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links from a tag value to the issue list filtered by it: {@code key:value}, quoted when the value needs it. */
final class TagFilters {

    private TagFilters() {
    }

    static String query(String key, String value) {
        boolean quote = value.isEmpty() || value.startsWith("!")
                || value.chars().anyMatch(c -> Character.isWhitespace(c) || "\"\\[],".indexOf(c) >= 0);
        return key + ":" + (quote ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value);
    }

    static String link(String orgSlug, String key, String value) {
        return "/" + orgSlug + "/issues?query=" + URLEncoder.encode(query(key, value), StandardCharsets.UTF_8);
    }
}
