package dev.faultline.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Loads the signed-in caller from the session cookie, once per request and only when something asks. Sessions are
 * opened by the sign-in itself ({@link SignInService}), so saving a context here has nothing to do.
 */
@Component
class SessionSecurityContextRepository implements SecurityContextRepository {

    private final UserSessions sessions;

    SessionSecurityContextRepository(UserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = load(request);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    private SecurityContext load(HttpServletRequest request) {
        return SessionCookie.read(request)
                .flatMap(sessions::find)
                .<SecurityContext>map(session -> new SecurityContextImpl(new CallerAuthentication(
                        Caller.signedIn(session.userId(), session.superuser()))))
                .orElseGet(SecurityContextImpl::new);
    }

    /** The pre-deferred form of {@link #loadDeferredContext}, still required by the interface. */
    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // sessions are opened explicitly at sign-in
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return SessionCookie.read(request).isPresent();
    }
}
