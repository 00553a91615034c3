package dev.faultline.health;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Health for load balancers and orchestrators ({@code /_health/}) and in Sentry's format for its tools. */
@RestController
class HealthController {

    record InternalHealth(Map<String, Boolean> healthy, List<Problem> problems) {
    }

    record Problem(String id, String message, String severity, String url) {
    }

    private final DatabaseProbe database;

    HealthController(DatabaseProbe database) {
        this.database = database;
    }

    @GetMapping(path = {"/_health/", "/_health"}, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> health() {
        return database.answers()
                ? ResponseEntity.ok("ok")
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("database unavailable");
    }

    @GetMapping(path = {"/api/0/internal/health/", "/api/0/internal/health"})
    ResponseEntity<InternalHealth> internalHealth() {
        if (database.answers()) {
            return ResponseEntity.ok(new InternalHealth(Map.of(), List.of()));
        }
        var problem = new Problem("database", "PostgreSQL does not answer within "
                + DatabaseProbe.TIMEOUT.toMillis() + " ms", "critical", "");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new InternalHealth(Map.of("database", false), List.of(problem)));
    }
}
