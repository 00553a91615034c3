package dev.faultline.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import dev.faultline.compression.BodyCompression;
import dev.faultline.support.Eventually;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Stored;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group commit's bound on a request's wait, with the intake table locked to stand for a stalled database. */
@IntegrationTest
class IntakeWriterTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    IntakeQueue intake;

    @Autowired
    BodyCompression compression;

    @Test
    void aRequestWaitingLongerThanTheTimeoutFailsAndItsEventIsStillStoredOnceTheDatabaseMovesAgain() throws Exception {
        long projectId = new TestProjects(context).create("shop").id();
        var writer = new IntakeWriter(jdbcTemplate, transaction, intake, Duration.ofMillis(300));
        UUID late = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        writer.start();
        try {
            try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
                locker.setAutoCommit(false);
                statement.execute("LOCK TABLE intake IN ACCESS EXCLUSIVE MODE");
                CompletableFuture<Void> committed = writer.submit(batch(projectId, late));

                assertThatThrownBy(() -> committed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TimeoutException.class);
                locker.rollback();
            }
            writer.submit(batch(projectId, next)).get(5, TimeUnit.SECONDS);
        }
        finally {
            writer.stop();
        }

        Eventually.await(() -> Stored.eventIds(jdbc, projectId), ids -> ids.size() == 2, Duration.ofSeconds(10));
        assertThat(Stored.eventIds(jdbc, projectId)).containsExactlyInAnyOrder(hex(late), hex(next));
    }

    private IntakeBatch batch(long projectId, UUID eventId) {
        byte[] json = ("{\"event_id\":\"" + hex(eventId) + "\",\"level\":\"error\",\"message\":\"Stalled\"}")
                .getBytes(StandardCharsets.UTF_8);
        var row = new IntakeRow(0, projectId, IntakeKind.EVENT, eventId, Instant.now(), null, null,
                compression.compressPayload(json));
        return new IntakeBatch(List.of(row), List.of(), List.of());
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
