package dev.faultline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Faultline as an operator runs it: a separate process started from the built jar (or the launcher script), with
 * its environment, its output kept in files, and signals sent to it.
 */
public final class ServerProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "faultline.jar").toAbsolutePath();

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServerProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * {@code java -Dspring.aot.enabled=true -jar target/faultline.jar arguments...}, as the README runs the jar, with
     * the given environment added to ours.
     */
    public static ServerProcess jar(Path workingDirectory, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Dspring.aot.enabled=true", "-jar",
                JAR.toString()));
        command.addAll(List.of(arguments));
        return start(command, workingDirectory, environment);
    }

    public static ServerProcess start(List<String> command, Path workingDirectory, Map<String, String> environment) {
        try {
            Files.createDirectories(workingDirectory);
            Path stdout = Files.createTempFile(workingDirectory, "stdout", ".log");
            Path stderr = Files.createTempFile(workingDirectory, "stderr", ".log");
            var builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.equals("PORT")
                    || name.startsWith("FAULTLINE_") || name.equals("SECRET_KEY"));
            builder.environment().putAll(environment);
            return new ServerProcess(builder.start(), stdout, stderr);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /_health/} answers 200, or fails with the server's output. */
    public ServerProcess awaitHealthy(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (Http.get(port, "/_health/").statusCode() == 200) {
                    return this;
                }
            }
            catch (UncheckedIOException notYetListening) {
                // keep waiting
            }
            sleep(100);
        }
        throw new AssertionError("not healthy after " + timeout + ":\n" + output());
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as a container runtime or systemd sends. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hooks run. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    public String output() {
        return stdout() + stderr();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
