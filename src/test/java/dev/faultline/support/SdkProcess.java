package dev.faultline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real SDK in another language, run as its own process against our server: Debian's Python SDK, or the Node SDK
 * from npm. Without them (scripts/install-test-dependencies.sh installs them) the test is skipped, except in CI.
 */
public final class SdkProcess {

    public static final Path SDK_DIRECTORY = Path.of("src", "test", "sdk").toAbsolutePath();

    private SdkProcess() {
    }

    public static void python(String script, String dsn) {
        Path python = Path.of("/usr/bin/python3");
        require(Files.isExecutable(python) && run(List.of(python.toString(), "-c", "import sentry_sdk"),
                SDK_DIRECTORY, dsn, 30) == null, "Debian's python3-sentry-sdk");
        String failure = run(List.of(python.toString(), SDK_DIRECTORY.resolve("python").resolve(script).toString()),
                SDK_DIRECTORY.resolve("python"), dsn, 120);
        if (failure != null) {
            throw new AssertionError("the Python SDK script failed: " + failure);
        }
    }

    public static void node(String script, String dsn) {
        Path directory = SDK_DIRECTORY.resolve("node");
        require(Files.isDirectory(directory.resolve("node_modules/@sentry/node")), "@sentry/node (npm ci)");
        String failure = run(List.of("node", script), directory, dsn, 120);
        if (failure != null) {
            throw new AssertionError("the Node SDK script failed: " + failure);
        }
    }

    private static void require(boolean present, String what) {
        if (!present && System.getenv("FAULTLINE_REQUIRE_BROWSER") != null) {
            throw new AssertionError(what + " is required: run scripts/install-test-dependencies.sh");
        }
        Assumptions.assumeTrue(present, what + " is not installed: run scripts/install-test-dependencies.sh");
    }

    /** Runs the command with SENTRY_DSN set; returns null on success, else what it printed. */
    private static String run(List<String> command, Path directory, String dsn, int timeoutSeconds) {
        try {
            Path output = Files.createTempFile("sdk", ".log");
            var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("SENTRY_DSN", dsn == null ? "" : dsn);
            Process process = builder.start();
            boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (!done) {
                process.destroyForcibly();
                return "timed out: " + printed;
            }
            return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + printed;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
