package dev.faultline.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import dev.faultline.support.Api;
import dev.faultline.support.Eventually;
import dev.faultline.support.Http;
import dev.faultline.support.Ingest;
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
        assertThat(server.stdout()).contains("Starting AOT-processed Faultline", "Commencing graceful shutdown",
                "PostgreSQL stopped");
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
            assertThat(launcher.stdout()).contains("Starting AOT-processed Faultline");
            // The class cache's training run (when this build has none yet) shuts its PostgreSQL down.
            assertThat(launcher.stdout()).doesNotContain("Stopping a PostgreSQL left running");
        }
        assertThat(launcher.awaitExit(Duration.ofMinutes(1))).isEqualTo(143);
    }

    /**
     * A 200 means committed: events acknowledged a moment before a SIGKILL are all there after the restart (digested,
     * or waiting in the intake for the restarted server to digest them).
     */
    @Test
    void everyAcknowledgedEventSurvivesAKill() throws Exception {
        int port = ServerProcess.freePort();
        String token = "0123456789abcdef".repeat(4);
        var environment = environment(port, "INITIAL_USER_EMAIL", "admin@example.com", "INITIAL_USER_PASSWORD",
                "admin-password", "INITIAL_USER_AUTH_TOKEN", token);
        var server = ServerProcess.jar(directory, environment).awaitHealthy(port, START);
        var api = new Api(port, token);
        assertThat(api.post("/api/0/organizations/", "{\"name\": \"Durable\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/0/organizations/durable/teams/", "{\"slug\": \"core\"}").status()).isEqualTo(201);
        var project = api.post("/api/0/teams/durable/core/projects/", "{\"name\": \"api\"}").json();
        long projectId = project.path("id").asLong();
        String key = api.get("/api/0/projects/durable/api/keys/").json().path(0).path("public").asString();

        List<String> acknowledged = sendConcurrently(port, projectId, key, 60);
        server.kill();

        try (var restarted = ServerProcess.jar(directory, environment).awaitHealthy(port, START);
             var connection = embeddedDatabase()) {
            var stored = Eventually.await(() -> storedIds(connection, projectId),
                    ids -> ids.containsAll(acknowledged), Duration.ofSeconds(30));
            assertThat(stored).containsAll(acknowledged);
            assertThat(restarted.output()).doesNotContain("set aside");
        }
    }

    private static List<String> sendConcurrently(int port, long projectId, String key, int count) throws Exception {
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                String eventId = UUID.randomUUID().toString().replace("-", "");
                int n = i;
                threads.submit(() -> {
                    var response = Ingest.to(port, projectId).key(key).envelope(Ingest.eventEnvelope(eventId,
                            "{\"message\": \"durable " + n + "\"}"));
                    if (response.statusCode() == 200) {
                        acknowledged.add(eventId);
                    }
                });
            }
        }
        assertThat(acknowledged).hasSize(count);
        return acknowledged;
    }

    /** The embedded PostgreSQL of the data directory, reached the way Faultline reaches it. */
    private static Connection embeddedDatabase() throws Exception {
        List<String> pid = Files.readAllLines(directory.resolve("data/postgres/postmaster.pid"));
        String password = Files.readString(directory.resolve("data/postgres-password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres",
                "postgres", password);
    }

    private static List<String> storedIds(Connection connection, long projectId) {
        try (var statement = connection.prepareStatement("""
                SELECT replace(event_id::text, '-', '') FROM events WHERE project_id = ?
                UNION ALL SELECT replace(event_id::text, '-', '') FROM intake WHERE project_id = ?""")) {
            statement.setLong(1, projectId);
            statement.setLong(2, projectId);
            var ids = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
