package dev.faultline.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/** Which PostgreSQL Faultline uses: one the operator runs, or its own embedded server. */
public sealed interface DatabaseTarget {

    /** An operator's PostgreSQL; {@code variable} names the setting it came from, for error messages. */
    record External(String jdbcUrl, String user, String password, String variable) implements DatabaseTarget {
        @Override
        public String toString() {
            return "External[" + jdbcUrl + " as " + user + "]";
        }
    }

    /** The embedded server keeps its files under {@code dataDirectory}. */
    record Embedded(Path dataDirectory) implements DatabaseTarget {
    }

    Set<String> URL_SCHEMES = Set.of("postgres", "postgresql", "pgsql");

    static DatabaseTarget read(EnvironmentReader env, Path dataDirectory) {
        if (env.isSet("DATABASE_URL")) {
            return fromUrl(env.text("DATABASE_URL").orElseThrow());
        }
        if (env.isSet("DATABASE_HOST")) {
            String host = env.text("DATABASE_HOST").orElseThrow();
            int port = env.integer("DATABASE_PORT", 5432, 1, 65535);
            String name = env.text("DATABASE_NAME").orElse("postgres");
            return new External("jdbc:postgresql://%s:%d/%s".formatted(host, port, name),
                    env.text("DATABASE_USER").orElse("postgres"), env.text("DATABASE_PASSWORD").orElse(""),
                    "DATABASE_HOST");
        }
        return new Embedded(dataDirectory);
    }

    /** Accepts GlitchTip's {@code postgres://user:password@host:port/name?options} and plain JDBC URLs. */
    static External fromUrl(String value) {
        if (value.startsWith("jdbc:postgresql://")) {
            EnvironmentReader.absoluteUri("DATABASE_URL", value.substring("jdbc:".length()));
            return new External(value, null, null, "DATABASE_URL");
        }
        URI uri = EnvironmentReader.absoluteUri("DATABASE_URL", value);
        if (!URL_SCHEMES.contains(uri.getScheme())) {
            throw new InvalidSettingException("DATABASE_URL",
                    "'%s' is not a PostgreSQL URL (postgres://user:password@host:port/name)".formatted(uri.getScheme()));
        }
        String name = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (name.isEmpty()) {
            throw new InvalidSettingException("DATABASE_URL", "the URL names no database (postgres://host/name)");
        }
        var credentials = EnvironmentReader.Credentials.of(uri);
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new External("jdbc:postgresql://%s:%d/%s%s".formatted(uri.getHost(), port, name, query),
                credentials.user(), credentials.password(),
                "DATABASE_URL");
    }
}
