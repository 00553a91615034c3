package dev.faultline.config;

import java.net.URI;

/**
 * Where mail goes, read from {@code EMAIL_URL} in the django-environ form GlitchTip uses:
 * {@code smtp://user:password@host:port}, {@code smtp+tls://} (STARTTLS, also {@code smtps://}),
 * {@code smtp+ssl://} (TLS from the first byte) or {@code consolemail://} (written to the log).
 */
public record EmailSettings(Transport transport, String host, int port, String user, String password) {

    public enum Transport { CONSOLE, SMTP, SMTP_STARTTLS, SMTP_SSL }

    public static final EmailSettings CONSOLE = new EmailSettings(Transport.CONSOLE, null, 0, null, null);

    static EmailSettings parse(String value) {
        if (value.equals("consolemail://") || value.equals("consolemail:")) {
            return CONSOLE;
        }
        URI uri = EnvironmentReader.absoluteUri("EMAIL_URL", value);
        Transport transport = switch (uri.getScheme()) {
            case "consolemail" -> Transport.CONSOLE;
            case "smtp" -> Transport.SMTP;
            case "smtp+tls", "smtps" -> Transport.SMTP_STARTTLS;
            case "smtp+ssl" -> Transport.SMTP_SSL;
            default -> throw new InvalidSettingException("EMAIL_URL", "'%s' is not one of smtp, smtp+tls, smtp+ssl, "
                    .formatted(uri.getScheme()) + "consolemail");
        };
        if (transport == Transport.CONSOLE) {
            return CONSOLE;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : switch (transport) {
            case SMTP_STARTTLS -> 587;
            case SMTP_SSL -> 465;
            default -> 25;
        };
        var credentials = EnvironmentReader.Credentials.of(uri);
        return new EmailSettings(transport, uri.getHost(), port, credentials.user(), credentials.password());
    }

    @Override
    public String toString() {
        return transport == Transport.CONSOLE ? "consolemail://" : transport + "://" + host + ":" + port;
    }
}
