package dev.faultline.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.support.Http;
import dev.faultline.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's life as a process: start, SIGTERM, SIGKILL and the restart after it, logs, the launcher script. */
class ServeIT {

    private static final Duration START = Duration.ofMinutes(3);

    /** Shared so the PostgreSQL binaries are unpacked and the cluster created once for the class. */
    @TempDir
    static Path directory;

    private static Map<String, String> environment(int port, String... more) {
        var environment = new HashMap<>(Map.of("PORT", String.valueOf(port),
                "FAULTLINE_DATA_DIR", directory.resolve("data").toString()));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    @Test
    void sigtermStopsTheServerAndItsPostgres() throws Exception {
        int port = ServerProcess.freePort();
        var server = ServerProcess.jar(directory, environment(port)).awaitHealthy(port, START);
        long postgres = postmasterPid();

        server.terminate();

        assertThat(server.awaitExit(Duration.ofMinutes(1))).isEqualTo(143);
        assertThat(server.stdout()).contains("Commencing graceful shutdown", "PostgreSQL stopped");
        assertThat(directory.resolve("data/postgres/postmaster.pid")).doesNotExist();
        assertThat(exitsWithin(postgres, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aPostgresLeftRunningByAKilledServerIsStoppedAtTheNextStart() throws Exception {
        int port = ServerProcess.freePort();
        var killed = ServerProcess.jar(directory, environment(port)).awaitHealthy(port, START);
        long orphan = postmasterPid();

        killed.kill();
        assertThat(alive(orphan)).isTrue();

        try (var restarted = ServerProcess.jar(directory, environment(port)).awaitHealthy(port, START)) {
            assertThat(restarted.stdout()).contains("Stopping a PostgreSQL left running");
            assertThat(exitsWithin(orphan, Duration.ofSeconds(10))).isTrue();
            assertThat(postmasterPid()).isNotEqualTo(orphan);
            assertThat(Http.get(port, "/api/0/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void jsonLogsAreOneObjectPerLine() {
        int port = ServerProcess.freePort();
        var server = ServerProcess.jar(directory, environment(port, "FAULTLINE_LOG_FORMAT", "json"))
                .awaitHealthy(port, START);
        server.terminate();
        server.awaitExit(Duration.ofMinutes(1));

        List<String> lines = server.stdout().lines().toList();
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(lines).allSatisfy(line -> {
            var json = JsonMapper.shared().readTree(line);
            assertThat(json.has("message")).as(line).isTrue();
            assertThat(json.at("/log/level").isString()).as(line).isTrue();
        });
        assertThat(server.stdout()).contains("PostgreSQL stopped");
    }

    @Test
    void theLauncherScriptStartsTheServer() {
        int port = ServerProcess.freePort();
        var launcher = ServerProcess.start(List.of(Path.of("faultline").toAbsolutePath().toString()), directory,
                environment(port));
        try (launcher) {
            launcher.awaitHealthy(port, START);
            assertThat(Http.get(port, "/api/0/").body()).contains("\"version\":\"0\"");
        }
        assertThat(launcher.awaitExit(Duration.ofMinutes(1))).isEqualTo(143);
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("data/postgres/postmaster.pid")).getFirst().strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** pg_ctl reports a stop once the pid file is gone; the process itself may take a moment longer to exit. */
    private static boolean exitsWithin(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return !alive(pid);
    }
}
