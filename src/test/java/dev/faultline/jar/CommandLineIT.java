package dev.faultline.jar;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.faultline.support.ServerProcess;
import dev.faultline.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's commands and its refusals to start, as an operator meets them in a terminal. */
class CommandLineIT {

    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void helpListsTheCommands() {
        var process = ServerProcess.jar(directory, Map.of(), "--help");

        assertThat(process.awaitExit(QUICK)).isZero();
        assertThat(process.stdout()).contains("serve", "migrate", "version", "README.md");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        var process = ServerProcess.jar(directory, Map.of(), "frobnicate");

        assertThat(process.awaitExit(QUICK)).isEqualTo(2);
        assertThat(process.stderr()).contains("Unknown command 'frobnicate'", "Usage:");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PORT                 | eighty                     | PORT: 'eighty' is not a whole number
            DATABASE_URL         | mysql://u:p@db/x           | DATABASE_URL: 'mysql' is not a PostgreSQL URL
            DATABASE_URL         | postgres://u:p@db/x        | SECRET_KEY: required when DATABASE_URL is set
            GLITCHTIP_DOMAIN     | errors.example.com         | GLITCHTIP_DOMAIN: 'errors.example.com' is not a URL
            EMAIL_URL            | smtp://                    | EMAIL_URL: 'smtp://' is not a URL
            FAULTLINE_LOG_FORMAT | xml                        | FAULTLINE_LOG_FORMAT: 'xml' is not text or json
            """)
    void aMalformedSettingStopsTheStartWithOneLineNamingIt(String variable, String value, String message) {
        var process = ServerProcess.jar(directory, Map.of(variable, value));

        assertThat(process.awaitExit(QUICK)).isEqualTo(1);
        assertThat(process.stderr().lines().toList()).singleElement().asString()
                .startsWith("Faultline cannot start: " + message);
        assertThat(process.stdout()).isEmpty();
    }

    @Test
    void aPortInUseStopsTheStartWithOneLine() throws IOException {
        try (var taken = new ServerSocket(0)) {
            var process = ServerProcess.jar(directory, Map.of("PORT", String.valueOf(taken.getLocalPort())));

            assertThat(process.awaitExit(QUICK)).isEqualTo(1);
            assertThat(process.stderr().strip())
                    .isEqualTo("Faultline cannot start: PORT: " + taken.getLocalPort() + " is already in use by another program");
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedStopsTheStartWithOneLine() throws IOException {
        Path file = Files.createFile(directory.resolve("not-a-directory"));
        var process = ServerProcess.jar(directory, Map.of("PORT", String.valueOf(ServerProcess.freePort()),
                "FAULTLINE_DATA_DIR", file.resolve("data").toString()));

        assertThat(process.awaitExit(QUICK)).isEqualTo(1);
        assertThat(process.stderr().strip()).isEqualTo("Faultline cannot start: FAULTLINE_DATA_DIR: "
                + file.resolve("data") + " cannot be created: Not a directory");
    }

    @Test
    void migrateBringsTheSchemaUpToDateAndLeavesNothingRunning() throws IOException {
        Path data = directory.resolve("data");
        var process = ServerProcess.jar(directory, Map.of("FAULTLINE_DATA_DIR", data.toString()), "migrate");

        assertThat(process.awaitExit(Duration.ofMinutes(2))).as(process.output()).isZero();
        assertThat(process.output())
                .containsPattern("Database schema at version \\d+ \\([1-9]\\d* migrations applied now");
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();

        var again = ServerProcess.jar(directory, Map.of("FAULTLINE_DATA_DIR", data.toString()), "migrate");
        assertThat(again.awaitExit(Duration.ofMinutes(2))).as(again.output()).isZero();
        assertThat(again.output()).containsPattern("Database schema at version \\d+ \\(0 migrations applied now");
    }

    @Test
    void createsuperuserCreatesTheUserOnce() {
        var environment = Map.of("FAULTLINE_DATA_DIR", directory.resolve("data").toString());

        var first = ServerProcess.jar(directory, environment, "createsuperuser", "--email", "x@y.z", "--password",
                "longenough", "--noinput");

        assertThat(first.awaitExit(Duration.ofMinutes(2))).as(first.output()).isZero();
        assertThat(first.stdout()).contains("Superuser x@y.z created.");

        var again = ServerProcess.jar(directory, environment, "createsuperuser", "--email", "x@y.z", "--password",
                "longenough", "--noinput");

        assertThat(again.awaitExit(Duration.ofMinutes(2))).as(again.output()).isEqualTo(1);
        assertThat(again.stderr()).contains("Error: An account with the email x@y.z already exists");
    }

    @Test
    void createsuperuserWithoutInputNeedsAPasswordFromSomewhere() {
        Path data = directory.resolve("data");
        var process = ServerProcess.jar(directory, Map.of("FAULTLINE_DATA_DIR", data.toString()), "createsuperuser",
                "--email", "x@y.z", "--noinput");

        assertThat(process.awaitExit(QUICK)).as(process.output()).isEqualTo(2);
        assertThat(process.stderr()).contains("Give the password with --password or FAULTLINE_SUPERUSER_PASSWORD.",
                "Usage: createsuperuser");
        assertThat(data.resolve("postgres/PG_VERSION")).doesNotExist();
    }

    @Test
    void createsuperuserTakesThePasswordFromTheEnvironmentWithoutInput() {
        Path data = directory.resolve("data");
        var created = ServerProcess.jar(directory, Map.of("FAULTLINE_DATA_DIR", data.toString(),
                "FAULTLINE_SUPERUSER_PASSWORD", "from the environment"), "createsuperuser", "--email", "x@y.z", "--noinput");
        assertThat(created.awaitExit(Duration.ofMinutes(2))).as(created.output()).isZero();
        assertThat(created.stdout()).contains("Superuser x@y.z created.");

        int port = ServerProcess.freePort();
        try (var server = ServerProcess.jar(directory, Map.of("FAULTLINE_DATA_DIR", data.toString(),
                "PORT", String.valueOf(port))).awaitHealthy(port, Duration.ofMinutes(2))) {
            var browser = new WebSession(port);
            assertThat(WebSession.location(browser.signIn("x@y.z", "from the environment"))).isEqualTo("/");
            var root = JsonMapper.shared().readTree(browser.json("GET", "/api/0/", null, false).body());
            assertThat(root.get("user").get("isSuperuser").asBoolean()).isTrue();
        }
    }

    @Test
    void versionPrintsTheBuildVersion() {
        var process = ServerProcess.jar(directory, Map.of(), "version");

        assertThat(process.awaitExit(QUICK)).isZero();
        assertThat(process.stdout()).startsWith("Faultline ");
    }
}
