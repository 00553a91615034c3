package dev.faultline.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.faultline.support.Http;
import dev.faultline.support.TestApplication;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static dev.faultline.support.Failures.invalidSetting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default set-up: no DATABASE_URL, so Faultline runs its own PostgreSQL in FAULTLINE_DATA_DIR. */
class EmbeddedDatabaseTests {

    /** Shared by the tests so the server binaries are unpacked and the cluster created once. */
    @TempDir
    static Path dataDirectory;

    @Test
    void dataAndTheGeneratedSecretKeySurviveARestart() {
        String secretKey;
        try (var app = TestApplication.start("FAULTLINE_DATA_DIR=" + dataDirectory)) {
            var jdbc = app.bean(JdbcClient.class);
            jdbc.sql("CREATE TABLE IF NOT EXISTS kept (note text)").update();
            jdbc.sql("INSERT INTO kept VALUES ('written before the restart')").update();
            secretKey = app.bean(SecretKey.class).value();
        }
        assertThat(dataDirectory.resolve("postgres/postmaster.pid")).doesNotExist();

        try (var app = TestApplication.start("FAULTLINE_DATA_DIR=" + dataDirectory)) {
            assertThat(app.bean(JdbcClient.class).sql("SELECT note FROM kept").query(String.class).list())
                    .contains("written before the restart");
            assertThat(app.bean(SecretKey.class).value()).isEqualTo(secretKey).hasSize(64);
        }
    }

    @Test
    void theSecretKeyFileIsReadableOnlyByItsOwner() throws Exception {
        try (var app = TestApplication.start("FAULTLINE_DATA_DIR=" + dataDirectory)) {
            assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("secret_key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void shutdownDrainsInFlightRequestsBeforeStoppingTheDatabase() throws Exception {
        var requestStarted = new CountDownLatch(1);
        var app = TestApplication.start(beans -> beans.registerBean("slowRoute", RouterFunction.class,
                () -> slowRouteThatEndsWithAQuery(beans.getBean(JdbcClient.class), requestStarted)),
                "FAULTLINE_DATA_DIR=" + dataDirectory);
        try {
            var browser = new WebSession(app.port());
            browser.register("drain@example.com", "drain-password");
            var response = CompletableFuture.supplyAsync(() -> browser.get("/test/slow"));
            assertThat(requestStarted.await(10, TimeUnit.SECONDS)).isTrue();

            app.close();

            assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(response.get().body()).isEqualTo("the database still answered 1");
            assertThat(dataDirectory.resolve("postgres/postmaster.pid")).doesNotExist();
        }
        finally {
            app.close();
        }
    }

    private static RouterFunction<ServerResponse> slowRouteThatEndsWithAQuery(JdbcClient jdbc, CountDownLatch started) {
        return RouterFunctions.route().GET("/test/slow", request -> {
            started.countDown();
            Thread.sleep(1500);
            int one = jdbc.sql("SELECT 1").query(Integer.class).single();
            return ServerResponse.ok().body("the database still answered " + one);
        }).build();
    }

    @Test
    void aSecondFaultlineOnTheSameDataDirectoryIsRefused() {
        try (var first = TestApplication.start("FAULTLINE_DATA_DIR=" + dataDirectory)) {
            assertThatThrownBy(() -> TestApplication.start("FAULTLINE_DATA_DIR=" + dataDirectory))
                    .satisfies(e -> assertThat(invalidSetting(e).getMessage())
                            .startsWith("FAULTLINE_DATA_DIR: ").endsWith("is in use by another running Faultline"));
            assertThat(Http.get(first.port(), "/_health/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamed(@TempDir Path scratch) throws Exception {
        Path file = Files.createFile(scratch.resolve("a-file"));

        assertThatThrownBy(() -> TestApplication.start("FAULTLINE_DATA_DIR=" + file.resolve("data")))
                .satisfies(e -> assertThat(invalidSetting(e).getMessage())
                        .isEqualTo("FAULTLINE_DATA_DIR: " + file.resolve("data") + " cannot be created: Not a directory"));
    }
}
