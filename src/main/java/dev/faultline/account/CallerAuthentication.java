package dev.faultline.account;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a sign-in session or an API token; what the application needs of it is the caller. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(List.of());
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return String.valueOf(caller.userId());
    }
}
