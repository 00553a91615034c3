package dev.faultline.support;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.faultline.config.BuildInfo;
import dev.faultline.config.EmbeddedPostgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One PostgreSQL server per test JVM, started on first use, in which every application context gets a database of
 * its own. Its cluster is kept in target/ between runs; durability is switched off, as a test never needs it.
 */
public final class TestDatabase {

    private static final Map<String, String> FAST_SETTINGS = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** Creates an empty database and returns its URL in the form DATABASE_URL takes. */
    public static synchronized String createDatabase() {
        EmbeddedPostgres postgres = server();
        return "postgres://%s:%s@127.0.0.1:%d/%s".formatted(postgres.user(), postgres.password(), postgres.port(),
                newDatabase(postgres));
    }

    /** Creates an empty database and returns a data source for it, for tests below the application (migrations). */
    public static synchronized DataSource createDataSource() {
        EmbeddedPostgres postgres = server();
        return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:%d/%s".formatted(postgres.port(),
                newDatabase(postgres)), postgres.user(), postgres.password());
    }

    private static String newDatabase(EmbeddedPostgres postgres) {
        String name = "test_" + databases.incrementAndGet();
        execute(postgres, "CREATE DATABASE " + name);
        return name;
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = EmbeddedPostgres.start(Path.of("target", "test-postgres").toAbsolutePath(),
                    BuildInfo.postgresVersion(), FAST_SETTINGS);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
            dropDatabasesOfEarlierRuns(server);
        }
        return server;
    }

    private static void dropDatabasesOfEarlierRuns(EmbeddedPostgres postgres) {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             var statement = connection.createStatement();
             var names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'")) {
            var drop = connection.createStatement();
            while (names.next()) {
                drop.execute("DROP DATABASE " + names.getString(1) + " WITH (FORCE)");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
