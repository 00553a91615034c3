package dev.faultline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Faultline's embedded PostgreSQL, reached the way the server reaches it: the port from the cluster's
 * {@code postmaster.pid}, the password kept in the data directory. Only the COPY ceiling (its own table) and M4's
 * seeding ({@link Seeding}) write to it.
 */
final class Database implements AutoCloseable {

    private final Connection connection;
    private final String url;
    private final String password;

    private Database(String url, String password) throws SQLException {
        this.url = url;
        this.password = password;
        this.connection = open();
    }

    static Database embedded(Path dataDirectory) throws IOException, SQLException {
        List<String> postmaster = Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid"));
        String password = Files.readString(dataDirectory.resolve("postgres-password")).strip();
        return new Database("jdbc:postgresql://127.0.0.1:" + postmaster.get(3).strip() + "/postgres", password);
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, "postgres", password);
    }

    /** Rows acknowledged by ingest and not digested yet. */
    long backlog() throws SQLException {
        return single("SELECT count(*) FROM intake");
    }

    /** Events and transactions stored, and intake rows digest set aside as failures. */
    long stored() throws SQLException {
        return single("SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM transactions)"
                + " + (SELECT count(*) FROM intake_failures)");
    }

    long failures() throws SQLException {
        return single("SELECT count(*) FROM intake_failures");
    }

    long events() throws SQLException {
        return single("SELECT count(*) FROM events");
    }

    long issues() throws SQLException {
        return single("SELECT count(*) FROM issues");
    }

    /** The events table's partitions with their indexes and TOAST, the part of the size that grows per event. */
    long eventsTableBytes() throws SQLException {
        return single("SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('events')");
    }

    private long sizeBytes() throws SQLException {
        return single("SELECT pg_database_size(current_database())");
    }

    /** Vacuumed first so that the size counts live rows, as after a night of autovacuum. */
    long vacuumedSizeBytes() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("VACUUM");
        }
        return sizeBytes();
    }

    private long single(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
