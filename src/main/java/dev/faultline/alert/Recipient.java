package dev.faultline.alert;

import java.net.URI;

/** One recipient of a rule; {@code url} is null for email, {@code secret} signs generic webhooks. */
record Recipient(long id, long ruleId, RecipientKind kind, String url, String secret) {

    /**
     * The URL for those who may only read the rules: chat webhook URLs carry their own credentials, so only the
     * scheme and host are shown.
     */
    public String maskedUrl() {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/…";
    }
}
