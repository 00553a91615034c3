package dev.faultline.config;

import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that the settings point at, with a connection pool and the schema migrated to this version.
 * Closing it closes the pool and then stops the embedded server, if there is one.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int OLDEST_SUPPORTED_VERSION = 140000;

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    public static Database open(Settings settings) {
        int poolSize = settings.databasePoolMaxSize();
        Database database = switch (settings.database()) {
            case DatabaseTarget.External external -> connect(null, external, poolSize);
            case DatabaseTarget.Embedded embedded -> {
                var server = EmbeddedPostgres.start(embedded.dataDirectory(), BuildInfo.postgresVersion(), Map.of());
                yield connect(server, new DatabaseTarget.External(server.jdbcUrl(), server.user(), server.password(),
                        "FAULTLINE_DATA_DIR"), poolSize);
            }
        };
        return database.migrate();
    }

    private static Database connect(EmbeddedPostgres embedded, DatabaseTarget.External target, int poolSize) {
        var config = new HikariConfig();
        config.setPoolName("faultline");
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("ApplicationName", "faultline");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Batches of inserts become multi-row INSERTs: one round trip and one parse per batch, not per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            var dataSource = new HikariDataSource(config);
            checkServerVersion(dataSource, target);
            return new Database(embedded, dataSource);
        }
        catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            if (e instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException(target.variable(), "cannot connect to " + target.jdbcUrl() + " ("
                    + rootMessage(e) + ")", e);
        }
    }

    private static void checkServerVersion(HikariDataSource dataSource, DatabaseTarget.External target) {
        try (var connection = dataSource.getConnection()) {
            var metaData = connection.getMetaData();
            int version = metaData.getDatabaseMajorVersion() * 10000 + metaData.getDatabaseMinorVersion();
            if (version < OLDEST_SUPPORTED_VERSION) {
                dataSource.close();
                throw new InvalidSettingException(target.variable(), "PostgreSQL " + metaData.getDatabaseProductVersion()
                        + " is too old; Faultline needs PostgreSQL 14 or newer");
            }
        }
        catch (SQLException e) {
            dataSource.close();
            throw new InvalidSettingException(target.variable(), "cannot connect to " + target.jdbcUrl() + " ("
                    + rootMessage(e) + ")", e);
        }
    }

    private Database migrate() {
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            // Flyway names no target version when nothing was applied.
            log.info("Database schema at version {} ({} migrations applied now)",
                    Objects.requireNonNullElse(result.targetSchemaVersion, result.initialSchemaVersion),
                    result.migrationsExecuted);
            return this;
        }
        catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
