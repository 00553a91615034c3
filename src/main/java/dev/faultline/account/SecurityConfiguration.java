package dev.faultline.account;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import dev.faultline.api.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may call what. {@code /api/0/} takes bearer tokens or the browser's session; the pages take the session. No
 * server-side HTTP session exists: sign-in sessions and CSRF tokens live in cookies backed by PostgreSQL.
 * Permissions inside an organization are checked by the features themselves, through its members' roles.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SessionSecurityContextRepository sessions, ApiTokens tokens,
            CsrfTokenRepository csrfTokens, ErrorResponses errors) throws Exception {
        RequestMatcher sessionCallChangingState = request -> !SAFE_METHODS.contains(request.getMethod())
                && ApiTokenAuthenticationFilter.bearerToken(request) == null
                && SessionCookie.read(request).isPresent();
        http.securityMatcher("/api/0/**", "/api/0")
                .securityContext(context -> context.securityContextRepository(sessions))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(sessionCallChangingState))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, errors), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(pathPattern(HttpMethod.GET, "/api/0/"), pathPattern(HttpMethod.GET, "/api/0"),
                                pathPattern("/api/0/internal/health/"), pathPattern("/api/0/internal/health"),
                                pathPattern(HttpMethod.GET, "/api/0/accept/**"))
                        .permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> errors.write(response,
                                HttpServletResponse.SC_UNAUTHORIZED, "Authentication credentials were not provided."))
                        .accessDeniedHandler((request, response, e) -> errors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "CSRF check failed: send the X-CSRF-Token header "
                                        + "of the page, or use an API token.")))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain pages(HttpSecurity http, SessionSecurityContextRepository sessions,
            CsrfTokenRepository csrfTokens, SignInService signIn) throws Exception {
        http.securityContext(context -> context.securityContextRepository(sessions))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(pathPattern("/login"), pathPattern("/register"),
                                pathPattern("/reset-password"), pathPattern("/reset-password/**"),
                                pathPattern("/accept/**"), pathPattern("/_health"), pathPattern("/_health/"),
                                pathPattern("/css/**"), pathPattern("/js/**"), pathPattern("/webjars/**"),
                                pathPattern("/favicon.ico"), pathPattern("/favicon.svg"), pathPattern("/error"),
                                pathPattern("/error/**"))
                        .permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SecurityConfiguration::toSignIn))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> signIn.signOut(request, response))
                        .logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /** Anonymous visitors of a page go to the sign-in page, which sends them back afterwards. */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String location = "/login" + ("/".equals(target) ? "" : "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", location);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(location);
    }

    /**
     * Sets the CSRF cookie before the page is written: a token created while a long page is streaming would come too
     * late for its cookie header.
     */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
