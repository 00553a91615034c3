package dev.faultline.account;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;

import dev.faultline.api.Problem;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code createsuperuser}: creates a user who administers the server. Asks for the email and password at a terminal;
 * {@code --email} and {@code --password} give them, and {@code --noinput} takes the password from
 * {@code FAULTLINE_SUPERUSER_PASSWORD} and asks nothing.
 */
public final class CreateSuperuserCommand {

    static final String USAGE = "Usage: createsuperuser [--email EMAIL] [--password PASSWORD] [--noinput]";
    static final String PASSWORD_VARIABLE = "FAULTLINE_SUPERUSER_PASSWORD";

    private CreateSuperuserCommand() {
    }

    /** Returns the exit code. */
    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        String email = null;
        String password = null;
        boolean noInput = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--noinput") || arg.equals("--no-input")) {
                noInput = true;
            }
            else if ((arg.equals("--email") || arg.equals("--password")) && i + 1 < args.length) {
                if (arg.equals("--email")) {
                    email = args[++i];
                }
                else {
                    password = args[++i];
                }
            }
            else if (arg.startsWith("--email=")) {
                email = arg.substring("--email=".length());
            }
            else if (arg.startsWith("--password=")) {
                password = arg.substring("--password=".length());
            }
            else {
                err.println("Unknown option '" + arg + "'. " + USAGE);
                return 2;
            }
        }
        Console console = System.console();
        if (email == null) {
            if (noInput || console == null) {
                err.println("--email is required with --noinput or without a terminal. " + USAGE);
                return 2;
            }
            email = console.readLine("Email: ");
        }
        if (password == null) {
            password = noInput || console == null ? Optional.ofNullable(System.getenv(PASSWORD_VARIABLE)).orElse(null)
                    : ask(console);
            if (password == null) {
                err.println("Give the password with --password or " + PASSWORD_VARIABLE + ". " + USAGE);
                return 2;
            }
        }
        try (var context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run()) {
            User user = context.getBean(AccountService.class).createSuperuser(email, password);
            out.println("Superuser " + user.email() + " created.");
            return 0;
        }
        catch (Problem problem) {
            err.println("Error: " + problem.detail());
            return 1;
        }
    }

    private static String ask(Console console) {
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password (again): ");
        if (first == null || !Arrays.equals(first, second)) {
            return null;
        }
        return new String(first);
    }
}
