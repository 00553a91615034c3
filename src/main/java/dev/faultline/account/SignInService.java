package dev.faultline.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.faultline.api.Problem;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Service;

/** Signing in and out with email and password: throttled, and opening a fresh session each time. */
@Service
public class SignInService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final UserSessions sessions;
    private final SessionCookie cookie;
    private final CsrfTokenRepository csrfTokens;
    /** Compared against when the email is unknown, so a wrong email takes as long as a wrong password. */
    private final String decoyHash;

    SignInService(UserRepository users, PasswordEncoder passwords, SignInThrottle throttle, UserSessions sessions,
            SessionCookie cookie, CsrfTokenRepository csrfTokens) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.cookie = cookie;
        this.csrfTokens = csrfTokens;
        this.decoyHash = passwords.encode("decoy password for unknown emails");
    }

    /** Checks the password and signs the user in on this response; a wrong one is a 400, too many a 429. */
    public User signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
        String address = email == null ? "" : email.strip();
        throttle.waitFor(address).ifPresent(wait -> {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw Problem.tooManyRequests("Too many failed sign-ins for " + address + ". Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."), wait);
        });
        var user = users.findByEmail(address).filter(User::active);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(decoyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        if (user.isEmpty() || !matches || !user.get().hasPassword()) {
            throttle.recordFailure(address);
            throw Problem.badRequest("password", "The email or the password is not right");
        }
        throttle.clear(address);
        startSession(user.get(), request, response);
        return user.get();
    }

    /** Opens a session for a user who has just proven who they are (signed in, registered, reset a password). */
    public void startSession(User user, HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.read(request).ifPresent(sessions::close);
        String token = sessions.open(user.id(), request.getHeader("User-Agent"));
        cookie.write(response, token);
        users.recordSignIn(user.id());
        // A new identity gets a new CSRF token, so one planted before the sign-in is worthless after it.
        csrfTokens.saveToken(null, request, response);
        var context = new SecurityContextImpl(new CallerAuthentication(Caller.signedIn(user.id(), user.superuser())));
        SecurityContextHolder.setContext(context);
    }

    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.read(request).ifPresent(sessions::close);
        cookie.clear(response);
        SecurityContextHolder.clearContext();
    }

    /** The raw token of this request's session, to keep it when signing out the others. */
    public static String currentSessionToken(HttpServletRequest request) {
        return SessionCookie.read(request).orElse(null);
    }
}
