package dev.faultline.issue;

/** A grouping hash filed under an issue, with the number of its stored events. */
public record IssueHash(String hash, long events) {
}
