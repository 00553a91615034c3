package dev.faultline.event;

import java.util.List;

/**
 * An event's tags as the {@code events} table keeps them: one text of {@code key=value} lines. Normalization keeps
 * line breaks out of keys and values and equals signs out of keys ({@link EventTags}), so the lines split back.
 */
final class TagLines {

    private TagLines() {
    }

    static String join(List<String[]> tags) {
        var lines = new StringBuilder();
        for (String[] tag : tags) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(tag[0]).append('=').append(tag[1]);
        }
        return lines.toString();
    }

    /** Each tag as {@code key=value}. */
    static List<String> split(String lines) {
        return lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }
}
