package dev.faultline.account;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import dev.faultline.api.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on {@code /api/0/}: the token's user with the token's scopes. A token that
 * does not exist is refused outright rather than treated as anonymous, so a typo is reported as such.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ErrorResponses errors;

    ApiTokenAuthenticationFilter(ApiTokens tokens, ErrorResponses errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        String lower = header.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"bearer ", "token "}) {
            if (lower.startsWith(scheme)) {
                return header.substring(scheme.length()).strip();
            }
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var caller = token.isEmpty() ? Optional.<Caller>empty() : tokens.authenticate(token);
        if (caller.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid token.");
            return;
        }
        SecurityContextHolder.setContext(new SecurityContextImpl(new CallerAuthentication(caller.get())));
        chain.doFilter(request, response);
    }
}
