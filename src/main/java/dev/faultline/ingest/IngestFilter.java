package dev.faultline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sentry's ingest endpoints, exactly as SDKs call them (trailing slashes included), answered by the first filter
 * so that the busiest route of the server skips Spring Security's chain and Spring MVC's dispatch: it authenticates
 * by DSN key itself, and measured, the framework around an ingest request cost five times the request's own work.
 * <p>
 * A request is authenticated, its body decoded and read as a stream within the limits, and what it carries
 * committed to the durable intake before the answer: a 200 means the event is stored. A refusal carries its status,
 * {@code {"detail": ...}}, the same text in {@code X-Sentry-Error}, and for 429 {@code Retry-After} and
 * {@code X-Sentry-Rate-Limits}. Browsers may post from any origin, with the headers SDKs send, and read the headers
 * that tell them to back off.
 */
class IngestFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(IngestFilter.class);
    private static final Pattern ROUTE = Pattern.compile("/api/(\\d{1,18})/(envelope|store|security|csp-report)/");
    private static final String ALLOWED_HEADERS = "x-sentry-auth, x-requested-with, origin, accept, content-type, "
            + "content-encoding, authorization, baggage, sentry-trace";
    private static final String EXPOSED_HEADERS = "x-sentry-error, x-sentry-rate-limits, retry-after";

    private final IngestRequests requests;
    private final JsonMapper json;

    IngestFilter(IngestRequests requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher route = ROUTE.matcher(request.getRequestURI());
        if (!route.matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getHeader("Origin") != null) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        switch (request.getMethod()) {
            case "POST" -> post(Long.parseLong(route.group(1)), route.group(2), request, response);
            case "OPTIONS" -> preflight(response);
            default -> {
                response.setHeader("Allow", "POST, OPTIONS");
                refuse(response, HttpStatus.METHOD_NOT_ALLOWED, "Ingest endpoints take POST requests only", null);
            }
        }
    }

    private void post(long projectId, String endpoint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UUID eventId;
        try {
            Instant receivedAt = Instant.now();
            eventId = switch (endpoint) {
                case "envelope" -> requests.envelope(projectId, request, receivedAt);
                case "store" -> requests.store(projectId, request, receivedAt);
                default -> requests.securityReport(projectId, request, receivedAt);
            };
        }
        catch (IngestException e) {
            refuse(response, e.status(), e.getMessage(), e);
            return;
        }
        catch (JacksonException e) {
            refuse(response, HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage(),
                    null);
            return;
        }
        catch (IOException e) {
            // Broken compression, or a body that ended early: the client's bytes, not our failure.
            log.debug("Unreadable ingest body: {}", e.toString());
            refuse(response, HttpStatus.BAD_REQUEST, "The request body could not be read: " + e.getMessage(), null);
            return;
        }
        String body = eventId == null ? "{}" : "{\"id\":\"" + EventIds.format(eventId) + "\"}";
        write(response, HttpStatus.OK, body.getBytes(StandardCharsets.US_ASCII));
    }

    private static void preflight(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "POST");
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", "3600");
        response.setStatus(HttpStatus.OK.value());
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String detail, IngestException e)
            throws IOException {
        String header = detail.replace('\r', ' ').replace('\n', ' ');
        response.setHeader("X-Sentry-Error", header.length() > 200 ? header.substring(0, 200) : header);
        if (e != null && e.retryAfter() != null) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
        }
        if (e != null && e.rateLimits() != null) {
            response.setHeader("X-Sentry-Rate-Limits", e.rateLimits());
        }
        write(response, status, json.writeValueAsBytes(Map.of("detail", detail)));
    }

    private static void write(HttpServletResponse response, HttpStatus status, byte[] body) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
