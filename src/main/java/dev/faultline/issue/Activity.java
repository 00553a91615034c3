package dev.faultline.issue;

import java.time.Instant;

/**
 * Something that happened to an issue.
 *
 * @param kind   created, regressed, resolved, unresolved, ignored, assigned, unassigned, commented, merged or
 *               unmerged
 * @param userId who did it; null for Faultline itself (a regression, say) or a user since deleted
 * @param data   the details as a JSON object: the assignee, the ignore condition, the merged issues ...
 */
public record Activity(long id, long issueId, String kind, Long userId, String data, Instant createdAt) {
}
