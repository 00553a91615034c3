package dev.faultline.account;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.faultline.api.Problem;
import dev.faultline.config.Settings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: who may register, what a valid email and password are, and changes to a user's own account. */
@Service
public class AccountService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads only the first 72 bytes; a longer password would silently lose its tail. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final UserSessions sessions;
    private final Settings settings;

    AccountService(UserRepository users, PasswordEncoder passwords, UserSessions sessions, Settings settings) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.settings = settings;
    }

    public boolean anyUser() {
        return users.any();
    }

    /** Registration is open when the settings say so, and always while there is no user at all. */
    public boolean registrationOpen() {
        return settings.userRegistration() || !users.any();
    }

    /**
     * Creates an account. The first account on a server is a superuser: whoever installs Faultline runs it.
     *
     * @param invited true when the person follows an invitation, which works even when registration is closed
     */
    @Transactional
    public User register(String email, String name, String password, boolean invited) {
        if (!invited && !registrationOpen()) {
            throw Problem.forbidden("Registration is closed on this server; ask an organization owner for an invitation.");
        }
        boolean first = !users.any();
        return create(email, name, password, first);
    }

    /** For the command line and INITIAL_USER_EMAIL: a superuser, whatever the registration settings. */
    @Transactional
    public User createSuperuser(String email, String password) {
        return create(email, "", password, true);
    }

    public Optional<User> user(long id) {
        return users.findById(id);
    }

    public Map<Long, User> users(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : users.findAll(ids).stream().collect(Collectors.toMap(User::id, user -> user));
    }

    public Optional<User> userByEmail(String email) {
        return users.findByEmail(email);
    }

    public void updateProfile(long userId, String name, String email, String timeZone, String theme) {
        String checkedEmail = checkEmail(email);
        try {
            ZoneId.of(timeZone);
        }
        catch (DateTimeException e) {
            throw Problem.badRequest("timeZone", "'" + timeZone + "' is not a time zone (for example Europe/Berlin)");
        }
        User.Theme parsedTheme;
        try {
            parsedTheme = User.Theme.valueOf(theme.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw Problem.badRequest("theme", "The theme is light, dark or system");
        }
        try {
            users.updateProfile(userId, name.strip(), checkedEmail, timeZone, parsedTheme);
        }
        catch (DuplicateKeyException e) {
            throw Problem.conflict("email", "Another account already uses " + checkedEmail);
        }
    }

    /** Changes the password after checking the current one, and signs out every other session. */
    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword, String keptSessionToken) {
        if (!passwordMatches(userId, currentPassword)) {
            throw Problem.badRequest("currentPassword", "The current password is not right");
        }
        setPassword(userId, newPassword);
        sessions.closeAll(userId, keptSessionToken);
    }

    void setPassword(long userId, String newPassword) {
        users.updatePassword(userId, passwords.encode(checkPassword(newPassword)));
    }

    boolean passwordMatches(long userId, String password) {
        return users.passwordHash(userId).map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    private User create(String email, String name, String password, boolean superuser) {
        String checkedEmail = checkEmail(email);
        String hash = passwords.encode(checkPassword(password));
        try {
            return users.create(checkedEmail, name == null ? "" : name.strip(), hash, superuser);
        }
        catch (DuplicateKeyException e) {
            throw Problem.conflict("email", "An account with the email " + checkedEmail + " already exists");
        }
    }

    public static String checkEmail(String email) {
        String stripped = email == null ? "" : email.strip();
        if (stripped.length() > 254 || !EMAIL.matcher(stripped).matches()) {
            throw Problem.badRequest("email", "'" + stripped + "' is not a valid email address");
        }
        return stripped;
    }

    static String checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw Problem.badRequest("password", "The password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw Problem.badRequest("password", "The password must be at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
        return password;
    }
}
