package dev.faultline.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faultline's own PostgreSQL server, run from the binaries in the jar with its cluster in the data directory.
 * It listens only on a loopback port chosen at each start and asks for a password kept beside the cluster.
 *
 * <p>The server is started with {@code pg_ctl}, which gives it a session of its own: a Ctrl-C in the terminal
 * reaches only the JVM, which drains its requests before it stops the server. A server left running by a JVM that
 * was killed is found through its {@code postmaster.pid} and stopped at the next start. There is deliberately no
 * shutdown hook here: the application context stops the server after the web server has drained.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Logger serverLog = LoggerFactory.getLogger("postgres");
    private static final String SUPERUSER = "postgres";

    /** Loopback only, no Unix socket (its default directory may not exist), UTC like everything we store. */
    private static final Map<String, String> BASE_SETTINGS = Map.of(
            "listen_addresses", "127.0.0.1",
            "unix_socket_directories", "",
            "timezone", "UTC",
            "log_timezone", "UTC");

    private final Path binaries;
    private final Path cluster;
    private final FileLock lock;
    private final String password;
    private final int port;

    private EmbeddedPostgres(Path binaries, Path cluster, FileLock lock, String password, int port) {
        this.binaries = binaries;
        this.cluster = cluster;
        this.lock = lock;
        this.password = password;
        this.port = port;
    }

    /**
     * Starts the server for {@code dataDirectory}, creating the cluster on first use.
     *
     * @param extraSettings PostgreSQL settings ({@code -c name=value}) applied at this start, beside our own
     */
    public static EmbeddedPostgres start(Path dataDirectory, String version, Map<String, String> extraSettings) {
        FileLock lock = lockDataDirectory(dataDirectory);
        try {
            Path binaries = PostgresBinaries.unpack(dataDirectory, version);
            String password = Secrets.readOrCreate(dataDirectory.resolve("postgres-password"));
            Path cluster = dataDirectory.resolve("postgres");
            var commands = new Commands(binaries);
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initialize(commands, cluster, password);
            }
            checkMajorVersion(cluster, version);
            stopOrphan(commands, cluster);
            var settings = new TreeMap<>(BASE_SETTINGS);
            settings.putAll(extraSettings);
            int port = startOnAFreePort(commands, cluster, settings);
            log.info("PostgreSQL {} started on 127.0.0.1:{} with its cluster in {}", version, port, cluster);
            return new EmbeddedPostgres(binaries, cluster, lock, password, port);
        }
        catch (IOException | RuntimeException e) {
            release(lock);
            if (e instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException("FAULTLINE_DATA_DIR",
                    "the embedded PostgreSQL in " + dataDirectory + " did not start: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Fast shutdown: open sessions are ended, committed work is already durable. */
    @Override
    public void close() {
        try {
            new Commands(binaries).stopServer(cluster);
            log.info("PostgreSQL stopped");
        }
        catch (IOException | RuntimeException e) {
            log.error("Could not stop the embedded PostgreSQL in {}: {}", cluster, e.getMessage());
        }
        finally {
            release(lock);
        }
    }

    private static FileLock lockDataDirectory(Path dataDirectory) {
        DataDirectory.prepare(dataDirectory);
        FileChannel channel;
        try {
            channel = FileChannel.open(dataDirectory.resolve("faultline.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        }
        catch (IOException e) {
            throw new InvalidSettingException("FAULTLINE_DATA_DIR", dataDirectory + " cannot be written: "
                    + DataDirectory.reason(e), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        }
        catch (OverlappingFileLockException | IOException ignored) {
            // held by this process or another one: reported below
        }
        closeQuietly(channel);
        throw new InvalidSettingException("FAULTLINE_DATA_DIR", dataDirectory + " is in use by another running Faultline");
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        }
        catch (IOException ignored) {
            // closing the channel below releases it anyway
        }
        closeQuietly(lock.channel());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        }
        catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** initdb into a sibling directory, then rename, so a crash half-way never leaves a cluster that looks whole. */
    private static void initialize(Commands commands, Path cluster, String password) throws IOException {
        Path partial = cluster.resolveSibling(cluster.getFileName() + ".init");
        PostgresBinaries.deleteRecursively(partial);
        if (Files.exists(cluster)) {
            throw new IOException(cluster + " exists but holds no PostgreSQL cluster (no PG_VERSION); move it away");
        }
        Path passwordFile = Files.createTempFile(cluster.getParent(), "initdb", ".pw");
        try {
            Files.writeString(passwordFile, password);
            log.info("Creating the PostgreSQL cluster in {}", cluster);
            commands.run(List.of("initdb", "-D", partial.toString(), "-U", SUPERUSER, "-A", "scram-sha-256",
                    "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--locale-provider=builtin",
                    "--builtin-locale=C.UTF-8", "--no-instructions"), 120);
        }
        finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.move(partial, cluster, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void checkMajorVersion(Path cluster, String version) throws IOException {
        String clusterMajor = Files.readString(cluster.resolve("PG_VERSION")).strip();
        String binariesMajor = version.substring(0, version.indexOf('.'));
        if (!clusterMajor.equals(binariesMajor)) {
            throw new InvalidSettingException("FAULTLINE_DATA_DIR", cluster + " was created by PostgreSQL "
                    + clusterMajor + " but this Faultline runs PostgreSQL " + binariesMajor
                    + "; dump and restore it (pg_dump), or use the Faultline version that created it");
        }
    }

    /** A server still running on our cluster while we hold the data directory lock belongs to a killed JVM. */
    private static void stopOrphan(Commands commands, Path cluster) throws IOException {
        if (Files.exists(cluster.resolve("postmaster.pid")) && commands.serverRunning(cluster)) {
            log.warn("Stopping a PostgreSQL left running on {} by a Faultline that did not shut down", cluster);
            commands.stopServer(cluster);
        }
    }

    /** Another program may take the free port we found before the server binds it: then try another. */
    private static int startOnAFreePort(Commands commands, Path cluster, Map<String, String> settings)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port;
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            try {
                commands.startServer(cluster, port, settings);
                return port;
            }
            catch (IOException e) {
                if (attempt == 3 || !e.getMessage().contains("could not bind")) {
                    throw e;
                }
                log.info("Port {} was taken before PostgreSQL could bind it; trying another", port);
            }
        }
    }

    /** Runs the PostgreSQL programs, through {@code unshare -U} when we are root (PostgreSQL refuses root). */
    private record Commands(Path binaries) {

        private static final boolean ROOT = isRoot();

        void startServer(Path cluster, int port, Map<String, String> serverSettings) throws IOException {
            var options = new StringBuilder("-p " + port);
            serverSettings.forEach((name, value) ->
                    options.append(" -c ").append(name).append("='").append(value.replace("'", "'\\''")).append('\''));
            Process process = start(List.of("pg_ctl", "start", "-s", "-w", "-t", "120", "-D", cluster.toString(),
                    "-o", options.toString()));
            // The server inherits pg_ctl's output: keep reading it for as long as the server runs.
            Deque<String> recent = new ArrayDeque<>();
            Thread.ofPlatform().daemon().name("postgres-log").start(() -> forwardLog(process, recent, true));
            if (waitFor(process, 130) != 0) {
                throw new IOException("pg_ctl start failed: " + lastLines(recent));
            }
        }

        boolean serverRunning(Path cluster) throws IOException {
            return run(List.of("pg_ctl", "status", "-D", cluster.toString()), 30, false) == 0;
        }

        void stopServer(Path cluster) throws IOException {
            run(List.of("pg_ctl", "stop", "-s", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "60"), 70);
        }

        void run(List<String> command, int timeoutSeconds) throws IOException {
            run(command, timeoutSeconds, true);
        }

        private int run(List<String> command, int timeoutSeconds, boolean mustSucceed) throws IOException {
            Process process = start(command);
            Deque<String> recent = new ArrayDeque<>();
            Thread reader = Thread.ofPlatform().daemon().name("postgres-" + command.getFirst())
                    .start(() -> forwardLog(process, recent, false));
            int exit = waitFor(process, timeoutSeconds);
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (mustSucceed && exit != 0) {
                throw new IOException(command.getFirst() + " " + command.get(1) + " failed: " + lastLines(recent));
            }
            return exit;
        }

        private Process start(List<String> command) throws IOException {
            List<String> full = new ArrayList<>();
            if (ROOT) {
                full.addAll(List.of("unshare", "-U"));
            }
            full.add(binaries.resolve("bin").resolve(command.getFirst()).toString());
            full.addAll(command.subList(1, command.size()));
            var builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().put("LC_ALL", "C");
            try {
                return builder.start();
            }
            catch (IOException e) {
                if (ROOT) {
                    throw new InvalidSettingException("DATABASE_URL", "PostgreSQL refuses to run as root and 'unshare -U'"
                            + " is not available here; run Faultline as an ordinary user or point DATABASE_URL at a"
                            + " PostgreSQL server", e);
                }
                throw e;
            }
        }

        private static int waitFor(Process process, int timeoutSeconds) throws IOException {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("timed out after " + timeoutSeconds + " s");
                }
                return process.exitValue();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        /** Server output goes to the log; a tool's output only when debugging, or in the error when it fails. */
        private static void forwardLog(Process process, Deque<String> recent, boolean serverOutput) {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (recent) {
                        recent.addLast(line);
                        if (recent.size() > 5) {
                            recent.removeFirst();
                        }
                    }
                    if (line.contains("ERROR") || line.contains("FATAL") || line.contains("PANIC")) {
                        serverLog.error(line);
                    }
                    else if (line.contains("WARNING")) {
                        serverLog.warn(line);
                    }
                    else if (serverOutput) {
                        serverLog.info(line);
                    }
                    else {
                        serverLog.debug(line);
                    }
                }
            }
            catch (IOException ignored) {
                // the server closed its output: it has stopped
            }
        }

        private static String lastLines(Deque<String> recent) {
            synchronized (recent) {
                return recent.isEmpty() ? "no output" : String.join(" / ", recent);
            }
        }

        private static boolean isRoot() {
            try {
                return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
            }
            catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
