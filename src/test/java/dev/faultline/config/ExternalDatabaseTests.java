package dev.faultline.config;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.faultline.support.Http;
import dev.faultline.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.faultline.support.Failures.invalidSetting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's own PostgreSQL, passed in as DATABASE_URL: here a second server started just for this class. */
class ExternalDatabaseTests {

    @TempDir
    static Path directory;

    static EmbeddedPostgres operatorsPostgres;

    @BeforeAll
    static void startTheOperatorsPostgres() throws SQLException {
        operatorsPostgres = EmbeddedPostgres.start(directory, BuildInfo.postgresVersion(), Map.of("fsync", "off"));
        try (var connection = DriverManager.getConnection(operatorsPostgres.jdbcUrl(), operatorsPostgres.user(),
                operatorsPostgres.password()); var statement = connection.createStatement()) {
            statement.execute("CREATE ROLE errors LOGIN PASSWORD 'p@ss:word'");
            statement.execute("CREATE DATABASE errors OWNER errors");
            statement.execute("CREATE DATABASE other OWNER errors");
        }
    }

    @AfterAll
    static void stopIt() {
        if (operatorsPostgres != null) {
            operatorsPostgres.close();
        }
    }

    private static String url(String database) {
        return "postgres://errors:p%40ss%3Aword@127.0.0.1:" + operatorsPostgres.port() + "/" + database;
    }

    @Test
    void runsOnTheDatabaseNamedByDatabaseUrl() {
        try (var app = TestApplication.start("DATABASE_URL=" + url("errors"), "SECRET_KEY=k")) {
            assertThat(Http.get(app.port(), "/_health/").statusCode()).isEqualTo(200);
            var schemaHistory = app.bean(JdbcClient.class)
                    .sql("SELECT current_database() || '/' || current_user || '/' || to_regclass('flyway_schema_history')")
                    .query(String.class).single();
            assertThat(schemaHistory).isEqualTo("errors/errors/flyway_schema_history");
        }
    }

    @Test
    void runsOnTheDatabaseNamedByDatabaseHostAndFriendsWithThePoolSizeGiven() {
        try (var app = TestApplication.start("DATABASE_HOST=127.0.0.1", "DATABASE_PORT=" + operatorsPostgres.port(),
                "DATABASE_NAME=other", "DATABASE_USER=errors", "DATABASE_PASSWORD=p@ss:word", "SECRET_KEY=k",
                "DATABASE_POOL_MAX_SIZE=3")) {
            assertThat(app.bean(JdbcClient.class).sql("SELECT current_database()").query(String.class).single())
                    .isEqualTo("other");
            assertThat(((HikariDataSource) app.bean(DataSource.class)).getMaximumPoolSize()).isEqualTo(3);
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithTheVariableNamed() {
        assertThatThrownBy(() -> TestApplication.start(
                "DATABASE_URL=postgres://errors:wrong@127.0.0.1:" + operatorsPostgres.port() + "/errors", "SECRET_KEY=k"))
                .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                .satisfies(e -> assertThat(invalidSetting(e).variable()).isEqualTo("DATABASE_URL"))
                .satisfies(e -> assertThat(invalidSetting(e).getMessage()).contains("cannot connect to")
                        .contains("password authentication failed").doesNotContain("wrong"));
    }

    @Test
    void healthTurnsUnavailableWhenTheDatabaseStopsAndTheServerKeepsServing() {
        Path cluster = directory.resolve("second");
        var failing = EmbeddedPostgres.start(cluster, BuildInfo.postgresVersion(), Map.of("fsync", "off"));
        String url = "postgres://postgres:" + failing.password() + "@127.0.0.1:" + failing.port() + "/postgres";
        try (var app = TestApplication.start("DATABASE_URL=" + url, "SECRET_KEY=k")) {
            assertThat(Http.get(app.port(), "/_health/").statusCode()).isEqualTo(200);

            failing.close();

            var health = Http.get(app.port(), "/_health/");
            assertThat(health.statusCode()).isEqualTo(503);
            var internal = Http.get(app.port(), "/api/0/internal/health");
            assertThat(internal.statusCode()).isEqualTo(503);
            assertThat(internal.body()).contains("\"id\":\"database\"");
            assertThat(Http.get(app.port(), "/api/0/").statusCode()).isEqualTo(200);
        }
    }
}
