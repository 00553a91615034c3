package dev.faultline.health;

import dev.faultline.account.Caller;
import dev.faultline.api.Problem;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's metrics in Prometheus's text format (ingest items accepted and skipped by type, the JVM, the
 * connection pool ...), for server administrators: scrape it with a superuser's API token.
 */
@RestController
class MetricsController {

    private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** Always Prometheus's text format, whatever the client accepts: scrapers send many Accept headers. */
    @GetMapping(path = {"/api/0/internal/metrics/", "/api/0/internal/metrics"})
    ResponseEntity<String> metrics(Caller caller) {
        if (!caller.superuser()) {
            throw Problem.forbidden("Only server administrators may read the metrics");
        }
        return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(registry.scrape());
    }
}
