package dev.faultline.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts the Maven build writes into the jar ({@code META-INF/build-info.properties}). */
public final class BuildInfo {

    private static final Properties properties = load();

    private BuildInfo() {
    }

    /** Faultline's own version. */
    public static String version() {
        return get("build.version");
    }

    /** The version of the PostgreSQL server binaries in the jar, for example {@code 18.6.0}. */
    public static String postgresVersion() {
        return get("build.postgres.version");
    }

    private static String get(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " missing from META-INF/build-info.properties; build with ./mvnw");
        }
        return value;
    }

    private static Properties load() {
        var loaded = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                loaded.load(in);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }
}
