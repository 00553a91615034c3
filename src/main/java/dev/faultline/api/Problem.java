package dev.faultline.api;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be done as asked, with a message for the person or program that asked. The API answers it
 * as {@code {"detail": ...}} with its status; a page shows the message beside {@code field} when there is one.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final Duration retryAfter;

    private Problem(HttpStatus status, String field, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public static Problem badRequest(String field, String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, field, detail, null);
    }

    public static Problem badRequest(String detail) {
        return badRequest(null, detail);
    }

    public static Problem conflict(String field, String detail) {
        return new Problem(HttpStatus.CONFLICT, field, detail, null);
    }

    /** Not there, or not visible to this caller: the two look the same from outside. */
    public static Problem notFound() {
        return new Problem(HttpStatus.NOT_FOUND, null, "Not found.", null);
    }

    public static Problem forbidden() {
        return forbidden("You do not have permission to perform this action.");
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, null, detail, null);
    }

    public static Problem tooManyRequests(String detail, Duration retryAfter) {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, null, detail, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** The form field the message is about, or null. */
    public String field() {
        return field;
    }

    /** For 429: when to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
