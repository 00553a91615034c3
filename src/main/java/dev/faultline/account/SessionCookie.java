package dev.faultline.account;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import dev.faultline.config.Settings;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** The browser's half of a sign-in session: HttpOnly, SameSite=Lax, and Secure when Faultline is served by https. */
@Component
public class SessionCookie {

    public static final String NAME = "faultline_session";
    /** The cookie outlives the server's idle limit; the server decides when a session has ended. */
    private static final Duration MAX_AGE = Duration.ofDays(90);

    private final boolean secure;

    SessionCookie(Settings settings) {
        this.secure = "https".equals(settings.baseUrl().getScheme());
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue)
                .filter(value -> !value.isBlank()).findFirst();
    }

    void write(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", cookie(token, MAX_AGE).toString());
    }

    void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie("", Duration.ZERO).toString());
    }

    boolean secure() {
        return secure;
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(secure).sameSite("Lax").path("/")
                .maxAge(maxAge).build();
    }
}
