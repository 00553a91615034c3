package dev.faultline.ingest;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * An ingest request refused, answered the way SDKs understand: a status, a JSON {@code detail}, the same text in
 * {@code X-Sentry-Error}, and for 429 when to retry and which categories are limited.
 */
class IngestException extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;
    private final String rateLimits;

    private IngestException(HttpStatus status, String detail, Duration retryAfter, String rateLimits) {
        super(detail, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.rateLimits = rateLimits;
    }

    static IngestException badRequest(String detail) {
        return new IngestException(HttpStatus.BAD_REQUEST, detail, null, null);
    }

    static IngestException unauthorized(String detail) {
        return new IngestException(HttpStatus.UNAUTHORIZED, detail, null, null);
    }

    static IngestException forbidden(String detail) {
        return new IngestException(HttpStatus.FORBIDDEN, detail, null, null);
    }

    static IngestException tooLarge(String detail) {
        return new IngestException(HttpStatus.CONTENT_TOO_LARGE, detail, null, null);
    }

    static IngestException unsupportedEncoding(String detail) {
        return new IngestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail, null, null);
    }

    /**
     * @param categories Sentry's data categories this limit applies to, separated by ';' (empty: all of them)
     * @param scope      {@code key} for a DSN key's own limit, {@code organization} for the server's overload
     */
    static IngestException rateLimited(String detail, Duration retryAfter, String categories, String scope) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return new IngestException(HttpStatus.TOO_MANY_REQUESTS, detail, Duration.ofSeconds(seconds),
                seconds + ":" + categories + ":" + scope);
    }

    static IngestException unavailable(String detail) {
        return new IngestException(HttpStatus.SERVICE_UNAVAILABLE, detail, Duration.ofSeconds(10), null);
    }

    HttpStatus status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code X-Sentry-Rate-Limits} value, or null. */
    String rateLimits() {
        return rateLimits;
    }
}
