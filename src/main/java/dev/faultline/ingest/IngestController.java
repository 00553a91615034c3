package dev.faultline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sentry's ingest endpoints, exactly as SDKs call them (trailing slashes included). A request is authenticated by
 * its DSN key, its body decoded and read as a stream within the limits, and what it carries committed to the
 * durable intake before the answer: a 200 means the event is stored. Browsers may post from any origin, with the
 * headers SDKs send, and read the headers that tell them to back off.
 */
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.POST, maxAge = 3600,
        allowedHeaders = {"x-sentry-auth", "x-requested-with", "origin", "accept", "content-type", "content-encoding",
                "authorization", "baggage", "sentry-trace"},
        exposedHeaders = {"x-sentry-error", "x-sentry-rate-limits", "retry-after"})
class IngestController {

    private final IngestRequests requests;

    IngestController(IngestRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/{projectId:\\d+}/envelope/")
    ResponseEntity<Map<String, String>> envelope(@PathVariable long projectId, HttpServletRequest request)
            throws IOException {
        return ok(requests.envelope(projectId, request, Instant.now()));
    }

    @PostMapping("/api/{projectId:\\d+}/store/")
    ResponseEntity<Map<String, String>> store(@PathVariable long projectId, HttpServletRequest request)
            throws IOException {
        return ok(requests.store(projectId, request, Instant.now()));
    }

    @PostMapping({"/api/{projectId:\\d+}/security/", "/api/{projectId:\\d+}/csp-report/"})
    ResponseEntity<Map<String, String>> security(@PathVariable long projectId, HttpServletRequest request)
            throws IOException {
        return ok(requests.securityReport(projectId, request, Instant.now()));
    }

    private static ResponseEntity<Map<String, String>> ok(UUID eventId) {
        return ResponseEntity.ok().body(eventId == null ? Map.of() : Map.of("id", EventIds.format(eventId)));
    }

    /** The request body as sent, bounded before any decompression. */
    static InputStream rawBody(HttpServletRequest request, IngestLimits limits) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limits.maxCompressedBytes()) {
            throw IngestException.tooLarge("The request body has " + declared + " bytes; at most "
                    + limits.maxCompressedBytes() + " are accepted");
        }
        return new LimitedInputStream(request.getInputStream(), limits.maxCompressedBytes(),
                () -> IngestException.tooLarge("The request body is larger than " + limits.maxCompressedBytes()
                        + " bytes, the most accepted"));
    }
}
