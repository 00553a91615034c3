package dev.faultline.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Asks PostgreSQL for a trivial answer, bounded in time: a pool waiting for a dead server would otherwise hold the
 * health check for its whole connection timeout, longer than orchestrators wait.
 */
@Component
class DatabaseProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final JdbcClient jdbc;

    DatabaseProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean answers() {
        var probe = CompletableFuture.supplyAsync(() -> jdbc.sql("SELECT 1").query(Integer.class).single(),
                runnable -> Thread.ofVirtual().start(runnable));
        try {
            return probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) == 1;
        }
        catch (ExecutionException | TimeoutException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
