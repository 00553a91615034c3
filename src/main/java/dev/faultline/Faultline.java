package dev.faultline;

import java.io.IOException;
import java.net.ServerSocket;

import dev.faultline.account.CreateSuperuserCommand;
import dev.faultline.config.BuildInfo;
import dev.faultline.config.CoreConfiguration;
import dev.faultline.config.DataDirectory;
import dev.faultline.config.InvalidSettingException;
import dev.faultline.config.Settings;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;

/**
 * Faultline's entry point: {@code java -jar faultline.jar [command]}, configured only by environment variables.
 * Users live in PostgreSQL, so Spring Security's generated in-memory user is left out.
 */
@SpringBootApplication(proxyBeanMethods = false, exclude = UserDetailsServiceAutoConfiguration.class)
public class Faultline {

    static final String USAGE = """
            Usage: java -jar faultline.jar [command]

            Commands:
              serve             run the server: web UI, API and event ingest (the default)
              migrate           bring the database schema up to date, then exit
              createsuperuser   create a user who administers the server
                                [--email EMAIL] [--password PASSWORD] [--noinput]
                                (--noinput takes the password from FAULTLINE_SUPERUSER_PASSWORD)
              version           print the version
              help              print this help

            Settings come from environment variables; README.md lists them all.
            """;

    /** A system property for ./faultline's class cache training run: start everything, then shut down. */
    static final String EXIT_AFTER_START = "faultline.exit-after-start";

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (!command.equals("serve")) {
            // The build processes the server's context ahead of time; the commands' smaller ones are set up as usual.
            System.clearProperty(AotDetector.AOT_ENABLED);
        }
        switch (command) {
            case "serve" -> serve();
            case "migrate" -> System.exit(migrate());
            case "createsuperuser" -> {
                settingsOrExit();
                System.exit(CreateSuperuserCommand.run(args, Faultline.class, System.out, System.err));
            }
            case "version", "--version" -> System.out.println("Faultline " + BuildInfo.version());
            case "help", "--help", "-h" -> System.out.print(USAGE);
            default -> {
                System.err.printf("Unknown command '%s'.%n%n%s", command, USAGE);
                System.exit(2);
            }
        }
    }

    private static void serve() {
        // The build's AOT processing runs this too, only to learn the beans: no data directory or port then.
        if (!Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            Settings settings = settingsOrExit();
            if (settings.port() != 0 && !portFree(settings.port())) {
                throw exit(new InvalidSettingException("PORT",
                        settings.port() + " is already in use by another program"));
            }
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(Faultline.class).run();
        }
        catch (SpringApplication.AbandonedRunException e) {
            throw e; // how the AOT processing ends the run once it has the bean definitions
        }
        catch (RuntimeException e) {
            // Spring has reported the failure already
            System.exit(1);
            return;
        }
        if (Boolean.getBoolean(EXIT_AFTER_START)) {
            // Closed in order, so that the embedded PostgreSQL stops too (Spring's own exit on refresh halts the JVM).
            System.exit(SpringApplication.exit(context));
        }
    }

    private static int migrate() {
        settingsOrExit();
        // The database migrates the schema as it opens; nothing else is started.
        try (var context = new SpringApplicationBuilder(CoreConfiguration.class).web(WebApplicationType.NONE).run()) {
            return 0;
        }
        catch (RuntimeException e) {
            return 1;
        }
    }

    /** Malformed settings and an unusable data directory stop the start with one line, before anything else. */
    private static Settings settingsOrExit() {
        try {
            Settings settings = Settings.fromEnvironment();
            if (settings.embeddedDatabase()) {
                DataDirectory.prepare(settings.dataDirectory());
            }
            return settings;
        }
        catch (InvalidSettingException e) {
            throw exit(e);
        }
    }

    private static InvalidSettingException exit(InvalidSettingException e) {
        System.err.println("Faultline cannot start: " + e.getMessage());
        System.exit(1);
        return e;
    }

    private static boolean portFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
