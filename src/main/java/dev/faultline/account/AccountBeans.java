package dev.faultline.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

@Configuration(proxyBeanMethods = false)
class AccountBeans {

    /** bcrypt, with the hash's algorithm recorded so a later default can take over as users sign in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * CSRF tokens in a cookie of their own, so no server-side HTTP session exists; forms carry the token and
     * scripts send it as {@code X-CSRF-Token} (both read from the page).
     */
    @Bean
    CsrfTokenRepository csrfTokenRepository(SessionCookie sessionCookie) {
        var repository = new CookieCsrfTokenRepository();
        repository.setCookieName("faultline_csrf");
        repository.setHeaderName("X-CSRF-Token");
        repository.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(sessionCookie.secure()).sameSite("Lax"));
        return repository;
    }
}
