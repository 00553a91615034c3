package dev.faultline.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of ingest requests. Each request hands its rows over and waits; writer threads take whatever has
 * queued up since their last commit, write it all at once and release every waiting request together. So a 200
 * always means committed, and under load many requests share one fsync. A group of intake rows alone is written
 * without a transaction around it, so that the rows commit in the statement's own round trip, without a second one
 * for {@code COMMIT}; a group with attachments or feedback is one transaction.
 *
 * <p>The queue is bounded: when it is full, ingest answers 429 instead of holding more in memory. A request whose
 * rows are not committed within {@link #COMMIT_TIMEOUT} (a stalled database) is failed by a watchdog that looks once
 * a second, rather than by a timed wait per request: on a virtual thread each timed wait schedules and cancels a
 * timer, which wakes the JDK's timer thread twice per request. On shutdown the writers stop after the web server, so
 * requests still in flight get their commit.
 */
@Component
class IntakeWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);
    static final int QUEUE_CAPACITY = 4096;
    private static final int MAX_ROWS_PER_COMMIT = 1000;
    private static final int WRITERS = 2;
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private record Pending(IntakeBatch batch, CompletableFuture<Void> committed) {
    }

    /** A request's commit and when it was queued; in the order queued, so the oldest is at the head. */
    private record Deadline(CompletableFuture<Void> committed, long queuedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IntakeQueue intake;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Queue<Deadline> deadlines = new ConcurrentLinkedQueue<>();
    private final Duration commitTimeout;
    private final List<Thread> writers = new ArrayList<>();
    private Thread watchdog;
    private volatile boolean running;

    @Autowired
    IntakeWriter(JdbcTemplate jdbc, TransactionTemplate transaction, IntakeQueue intake) {
        this(jdbc, transaction, intake, COMMIT_TIMEOUT);
    }

    IntakeWriter(JdbcTemplate jdbc, TransactionTemplate transaction, IntakeQueue intake, Duration commitTimeout) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.intake = intake;
        this.commitTimeout = commitTimeout;
    }

    /**
     * Queues the rows; the future completes when they are committed, or fails with a {@link TimeoutException} once
     * they have waited longer than the commit timeout (they may still be committed later). A full queue is a 429 at
     * once.
     */
    CompletableFuture<Void> submit(IntakeBatch batch) {
        var pending = new Pending(batch, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw IngestException.rateLimited("Faultline is taking in more events than it can write; retry later",
                    Duration.ofSeconds(5), "", "organization");
        }
        deadlines.add(new Deadline(pending.committed(), System.nanoTime()));
        return pending.committed();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Thread.ofPlatform().name("intake-writer-" + i).daemon().start(this::run));
        }
        watchdog = Thread.ofVirtual().name("intake-deadlines").start(this::watch);
    }

    @Override
    public void stop() {
        running = false;
        watchdog.interrupt();
        for (Thread writer : writers) {
            writer.interrupt();
        }
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
        // Whatever is left (a writer died, or it came in while stopping) is written by this thread.
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            commit(rest);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (whose graceful shutdown runs at a higher phase) has drained its requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int rows = first.batch().rowCount();
                Pending next;
                while (rows < MAX_ROWS_PER_COMMIT && (next = queue.poll()) != null) {
                    group.add(next);
                    rows += next.batch().rowCount();
                }
                commit(group);
            }
            catch (InterruptedException e) {
                if (!group.isEmpty()) {
                    commit(group);
                }
                if (!running) {
                    return;
                }
            }
            finally {
                group.clear();
            }
        }
    }

    private void watch() {
        long interval = Math.min(1000, commitTimeout.toMillis());
        while (running) {
            try {
                Thread.sleep(interval);
            }
            catch (InterruptedException e) {
                return;
            }
            failOverdue();
        }
    }

    /** Drops the commits done from the head of the deadlines, and fails those waiting longer than the timeout. */
    private void failOverdue() {
        long now = System.nanoTime();
        for (Deadline oldest; (oldest = deadlines.peek()) != null; deadlines.poll()) {
            if (!oldest.committed().isDone() && now - oldest.queuedAt() < commitTimeout.toNanos()) {
                return;
            }
            oldest.committed().completeExceptionally(new TimeoutException("Not committed within " + commitTimeout));
        }
    }

    private void commit(List<Pending> group) {
        try {
            if (group.stream().allMatch(pending -> pending.batch().hasRowsOnly())) {
                insertRows(group);
            }
            else {
                transaction.executeWithoutResult(status -> write(group));
            }
            group.forEach(pending -> pending.committed().complete(null));
            intake.signal();
        }
        catch (RuntimeException e) {
            log.error("Could not commit {} ingest requests: {}", group.size(), e.getMessage());
            group.forEach(pending -> pending.committed().completeExceptionally(e));
        }
    }

    private void write(List<Pending> group) {
        insertRows(group);
        List<IntakeBatch.Attachment> attachments = new ArrayList<>();
        List<IntakeBatch.Feedback> feedback = new ArrayList<>();
        for (Pending pending : group) {
            attachments.addAll(pending.batch().attachments());
            feedback.addAll(pending.batch().feedback());
        }
        if (!attachments.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO event_attachments
                        (project_id, event_id, name, content_type, attachment_type, size, received_at, data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", attachments, attachments.size(), (statement, file) -> {
                statement.setLong(1, file.projectId());
                statement.setObject(2, file.eventId());
                statement.setString(3, file.name());
                setNullable(statement, 4, file.contentType(), Types.VARCHAR);
                setNullable(statement, 5, file.attachmentType(), Types.VARCHAR);
                statement.setLong(6, file.data().length);
                statement.setObject(7, offset(file.receivedAt()));
                statement.setBytes(8, file.data());
            });
        }
        if (!feedback.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO user_feedback (project_id, event_id, name, email, comments, received_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", feedback, feedback.size(), (statement, note) -> {
                statement.setLong(1, note.projectId());
                setNullable(statement, 2, note.eventId(), Types.OTHER);
                statement.setString(3, note.name());
                statement.setString(4, note.email());
                statement.setString(5, note.comments());
                statement.setObject(6, offset(note.receivedAt()));
            });
        }
    }

    /**
     * The group's intake rows. Outside a transaction, should a group's rows commit in part and its requests be told
     * of a failure, the events and transactions they send again are stored once: digest drops event ids it has seen.
     */
    private void insertRows(List<Pending> group) {
        List<IntakeRow> rows = group.stream().flatMap(pending -> pending.batch().rows().stream()).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO intake (project_id, kind, event_id, received_at, sent_at, client_ip, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (statement, row) -> {
            statement.setLong(1, row.projectId());
            statement.setShort(2, (short) row.kind().code());
            statement.setObject(3, row.eventId());
            statement.setObject(4, offset(row.receivedAt()));
            setNullable(statement, 5, row.sentAt() == null ? null : offset(row.sentAt()),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            setNullable(statement, 6, row.clientIp(), Types.VARCHAR);
            statement.setBytes(7, row.payload());
        });
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void setNullable(PreparedStatement statement, int index, Object value, int type)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        }
        else {
            statement.setObject(index, value);
        }
    }
}
