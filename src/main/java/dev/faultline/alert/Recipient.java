package dev.faultline.alert;

/** One recipient of a rule; {@code url} is null for email, {@code secret} signs generic webhooks. */
record Recipient(long id, long ruleId, RecipientKind kind, String url, String secret) {
}
