package dev.faultline.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.postgresql.PGConnection;

/**
 * The database's ceiling: how many event rows per second PostgreSQL takes by COPY (binary, 500 rows a statement,
 * one session per core) into a table shaped like {@code events} with its indexes. Rows carry what digest stores:
 * the event's JSON gzip-compressed, its tags as lines, a grouping hash. The table is dropped afterwards.
 */
final class CopyCeiling {

    private static final int ROWS_PER_COPY = 500;
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private record Batch(byte[] data, List<Integer> eventIdOffsets) {
    }

    static double rowsPerSecond(Database database, Duration duration, int sessions) throws SQLException, InterruptedException {
        try (Connection setup = database.open(); var statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_copy_ceiling");
            statement.execute("CREATE TABLE bench_copy_ceiling (LIKE events)");
            statement.execute("CREATE INDEX ON bench_copy_ceiling (issue_id, received_at DESC)");
            statement.execute("CREATE INDEX ON bench_copy_ceiling (project_id, event_id)");
            try {
                return measure(database, duration, sessions);
            }
            finally {
                statement.execute("DROP TABLE bench_copy_ceiling");
            }
        }
    }

    private static double measure(Database database, Duration duration, int sessions) throws InterruptedException {
        var bodies = new EventBodies(new Random(7));
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batches.add(batch(bodies, i));
        }
        AtomicLong rows = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int session = 0; session < sessions; session++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = database.open()) {
                    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                    for (int i = 0; System.nanoTime() < end; i++) {
                        Batch batch = batches.get(i % batches.size());
                        renewEventIds(batch);
                        copy.copyIn("COPY bench_copy_ceiling FROM STDIN (FORMAT binary)",
                                new ByteArrayInputStream(batch.data()));
                        rows.addAndGet(ROWS_PER_COPY);
                    }
                }
                catch (SQLException | IOException e) {
                    throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void renewEventIds(Batch batch) {
        var random = ThreadLocalRandom.current();
        for (int offset : batch.eventIdOffsets()) {
            long bits = random.nextLong();
            for (int i = 0; i < 8; i++) {
                batch.data()[offset + i] = (byte) (bits >>> (8 * i));
            }
        }
    }

    /** PostgreSQL's binary COPY format: a header, then per row the field count and each field's length and bytes. */
    private static Batch batch(EventBodies bodies, int number) {
        try {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.writeBytes("PGCOPY\n\377\r\n\0");
            out.writeInt(0);
            out.writeInt(0);
            List<Integer> eventIdOffsets = new ArrayList<>();
            var random = new Random(number);
            long nowMicros = System.currentTimeMillis() * 1000 - POSTGRES_EPOCH_MICROS;
            for (int row = 0; row < ROWS_PER_COPY; row++) {
                int fingerprint = random.nextInt(Workload.FINGERPRINTS);
                int draw = random.nextInt(9);
                String json = draw < 6 ? bodies.error(fingerprint)
                        : draw < 8 ? bodies.logMessage(fingerprint) : bodies.largeError(fingerprint);
                out.writeShort(12);
                field(out, 8).writeLong(1 + fingerprint % 15);
                field(out, 16);
                eventIdOffsets.add(bytes.size());
                out.writeLong(random.nextLong());
                out.writeLong(random.nextLong());
                field(out, 8).writeLong(1 + fingerprint);
                field(out, 8).writeLong(nowMicros);
                field(out, 8).writeLong(nowMicros - 1000);
                field(out, 2).writeShort(4);
                text(out, "production");
                text(out, "shop@2.1.0");
                text(out, "id:" + random.nextInt(50_000));
                text(out, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
                text(out, String.join("\n", "region=eu-west-1", "tier=business", "browser=Chrome 131",
                        "shard=" + fingerprint % 16, "feature=classic", "environment=production", "release=shop@2.1.0",
                        "level=error"));
                byte[] body = gzip(json);
                field(out, body.length).write(body);
            }
            out.writeShort(-1);
            return new Batch(bytes.toByteArray(), eventIdOffsets);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataOutputStream field(DataOutputStream out, int length) throws IOException {
        out.writeInt(length);
        return out;
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        field(out, bytes.length).write(bytes);
    }

    private static byte[] gzip(String json) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
