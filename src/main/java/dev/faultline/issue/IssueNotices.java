package dev.faultline.issue;

import java.util.Map;

/**
 * What an issue page says after one of its forms did something ({@code ?done=resolved}). Only these texts are
 * shown, so a link cannot make the page say anything else.
 */
final class IssueNotices {

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("resolved", "The issue is resolved."),
            Map.entry("unresolved", "The issue is unresolved."),
            Map.entry("ignored", "The issue is ignored."),
            Map.entry("assigned", "The issue is assigned."),
            Map.entry("unassigned", "The issue is unassigned."),
            Map.entry("commented", "Your comment is added."),
            Map.entry("edited", "Your comment is saved."),
            Map.entry("deleted", "Your comment is deleted."),
            Map.entry("unmerged", "The selected fingerprints are now an issue of their own."));

    private IssueNotices() {
    }

    static String text(String done) {
        return done == null ? null : TEXTS.get(done);
    }
}
