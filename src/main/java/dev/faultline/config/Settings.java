package dev.faultline.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting Faultline takes, read from environment variables (GlitchTip's names where GlitchTip has one,
 * {@code FAULTLINE_*} for our own) and checked once. README.md lists them all.
 *
 * @param port                 {@code PORT}: the HTTP port
 * @param baseUrl              {@code GLITCHTIP_DOMAIN} (alias {@code GLITCHTIP_URL}): the public URL used in DSNs,
 *                             links and emails, without a trailing slash
 * @param secretKey            {@code SECRET_KEY}; absent means a key kept in the data directory (embedded database only)
 * @param database             {@code DATABASE_URL} or {@code DATABASE_HOST}..., else the embedded server
 * @param dataDirectory        {@code FAULTLINE_DATA_DIR}: files of the embedded database and the generated secret key
 * @param databasePoolMaxSize  {@code DATABASE_POOL_MAX_SIZE}: connections held open to PostgreSQL
 * @param defaultFromEmail     {@code DEFAULT_FROM_EMAIL}: the sender of every email
 * @param email                {@code EMAIL_URL}: how email is sent
 * @param userRegistration     {@code ENABLE_USER_REGISTRATION}: anyone may sign up (the first user always may)
 * @param organizationCreation {@code ENABLE_ORGANIZATION_CREATION}: any user may create an organization
 * @param maxEventLifeDays     {@code GLITCHTIP_MAX_EVENT_LIFE_DAYS}: events older than this are deleted
 * @param logFormat            {@code FAULTLINE_LOG_FORMAT}: {@code text} for people, {@code json} for collectors
 * @param initialUser          {@code INITIAL_USER_EMAIL}, {@code INITIAL_USER_PASSWORD}, {@code INITIAL_USER_AUTH_TOKEN}
 * @param trustedProxies       {@code FAULTLINE_TRUSTED_PROXIES}: addresses or networks whose X-Forwarded-For is believed
 * @param webhookAllowPrivate  {@code FAULTLINE_WEBHOOK_ALLOW_PRIVATE}: alert webhooks may target private, loopback
 *                             and link-local addresses
 */
public record Settings(
        int port,
        URI baseUrl,
        Optional<String> secretKey,
        DatabaseTarget database,
        Path dataDirectory,
        int databasePoolMaxSize,
        String defaultFromEmail,
        EmailSettings email,
        boolean userRegistration,
        boolean organizationCreation,
        int maxEventLifeDays,
        LogFormat logFormat,
        Optional<InitialUser> initialUser,
        List<String> trustedProxies,
        boolean webhookAllowPrivate) {

    public enum LogFormat { TEXT, JSON }

    /** A superuser to create at start when missing, with an API token of exactly this value when one is given. */
    public record InitialUser(String email, Optional<String> password, Optional<String> authToken) {

        @Override
        public String toString() {
            return "InitialUser[" + email + "]";
        }
    }

    public static Settings fromEnvironment() {
        return parse(System::getenv);
    }

    public static Settings parse(Function<String, String> lookup) {
        var env = new EnvironmentReader(lookup);
        int port = env.integer("PORT", 8000, 0, 65535);
        URI baseUrl = baseUrl(env, port);
        Path dataDirectory = Path.of(env.text("FAULTLINE_DATA_DIR").orElse("data")).toAbsolutePath().normalize();
        DatabaseTarget database = DatabaseTarget.read(env, dataDirectory);
        Optional<String> secretKey = env.text("SECRET_KEY");
        if (secretKey.isEmpty() && database instanceof DatabaseTarget.External external) {
            throw new InvalidSettingException("SECRET_KEY", "required when " + external.variable()
                    + " is set; set it to a long random string (for example: openssl rand -hex 32)");
        }
        return new Settings(
                port,
                baseUrl,
                secretKey,
                database,
                dataDirectory,
                env.integer("DATABASE_POOL_MAX_SIZE", 10, 1, 1000),
                env.text("DEFAULT_FROM_EMAIL").orElse("faultline@localhost"),
                env.text("EMAIL_URL").map(EmailSettings::parse).orElse(EmailSettings.CONSOLE),
                env.flag("ENABLE_USER_REGISTRATION", true),
                env.flag("ENABLE_ORGANIZATION_CREATION", false),
                env.integer("GLITCHTIP_MAX_EVENT_LIFE_DAYS", 90, 1, 36500),
                logFormat(env),
                initialUser(env),
                trustedProxies(env),
                env.flag("FAULTLINE_WEBHOOK_ALLOW_PRIVATE", false));
    }

    /** Comma-separated IP addresses and CIDR networks, each checked for its form here. */
    private static List<String> trustedProxies(EnvironmentReader env) {
        List<String> entries = env.text("FAULTLINE_TRUSTED_PROXIES").stream()
                .flatMap(value -> Arrays.stream(value.split("[,\\s]+"))).filter(entry -> !entry.isBlank()).toList();
        for (String entry : entries) {
            if (!entry.matches("[0-9a-fA-F.:]+(/\\d{1,3})?")) {
                throw new InvalidSettingException("FAULTLINE_TRUSTED_PROXIES",
                        "'" + entry + "' is not an IP address or network such as 10.0.0.0/8");
            }
        }
        return entries;
    }

    private static Optional<InitialUser> initialUser(EnvironmentReader env) {
        Optional<String> email = env.text("INITIAL_USER_EMAIL");
        if (email.isEmpty()) {
            for (String dependent : new String[] {"INITIAL_USER_PASSWORD", "INITIAL_USER_AUTH_TOKEN"}) {
                if (env.isSet(dependent)) {
                    throw new InvalidSettingException(dependent, "set INITIAL_USER_EMAIL too, to say whose it is");
                }
            }
            return Optional.empty();
        }
        return Optional.of(new InitialUser(email.get(), env.text("INITIAL_USER_PASSWORD"),
                env.text("INITIAL_USER_AUTH_TOKEN")));
    }

    private static URI baseUrl(EnvironmentReader env, int port) {
        String variable = env.isSet("GLITCHTIP_DOMAIN") ? "GLITCHTIP_DOMAIN" : "GLITCHTIP_URL";
        Optional<String> value = env.text(variable);
        if (value.isEmpty()) {
            return URI.create("http://localhost:" + (port == 0 ? 8000 : port));
        }
        URI uri = EnvironmentReader.absoluteUri(variable, value.get().replaceFirst("/+$", ""));
        if (!uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
            throw new InvalidSettingException(variable, "'%s' must start with http:// or https://".formatted(value.get()));
        }
        return uri;
    }

    private static LogFormat logFormat(EnvironmentReader env) {
        return env.text("FAULTLINE_LOG_FORMAT").map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new InvalidSettingException("FAULTLINE_LOG_FORMAT", "'%s' is not text or json".formatted(value));
        }).orElse(LogFormat.TEXT);
    }

    @Override
    public String toString() {
        return "Settings[port=%d, baseUrl=%s, database=%s, dataDirectory=%s, email=%s]"
                .formatted(port, baseUrl, database, dataDirectory, email);
    }

    public boolean embeddedDatabase() {
        return database instanceof DatabaseTarget.Embedded;
    }
}
