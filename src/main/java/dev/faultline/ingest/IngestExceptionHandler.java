package dev.faultline.ingest;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * Refusals of the ingest endpoints: the status, {@code {"detail": ...}}, the same text in {@code X-Sentry-Error},
 * and for 429 {@code Retry-After} and {@code X-Sentry-Rate-Limits}. (The CORS headers are on the response already.)
 */
@RestControllerAdvice(assignableTypes = IngestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestExceptionHandler.class);

    @ExceptionHandler(IngestException.class)
    ResponseEntity<Map<String, String>> refused(IngestException e) {
        return answer(e.status(), e.getMessage(), e);
    }

    /** Broken compression, or a body that ended early: the client's bytes, not our failure. */
    @ExceptionHandler(IOException.class)
    ResponseEntity<Map<String, String>> unreadable(IOException e) {
        log.debug("Unreadable ingest body: {}", e.toString());
        return answer(HttpStatus.BAD_REQUEST, "The request body could not be read: " + e.getMessage(), null);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Map<String, String>> malformed(JacksonException e) {
        return answer(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage(), null);
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String detail, IngestException e) {
        var headers = new HttpHeaders();
        String header = detail.replaceAll("[\\r\\n]", " ");
        headers.set("X-Sentry-Error", header.length() > 200 ? header.substring(0, 200) : header);
        if (e != null && e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
        }
        if (e != null && e.rateLimits() != null) {
            headers.set("X-Sentry-Rate-Limits", e.rateLimits());
        }

        return ResponseEntity.status(status).headers(headers).body(Map.of("detail", detail));
    }
}
