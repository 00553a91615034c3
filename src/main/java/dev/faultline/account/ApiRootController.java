package dev.faultline.account;

import java.util.Map;

import dev.faultline.config.BuildInfo;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/0/}: clients such as sentry-cli call it to check the URL and the token. */
@RestController
class ApiRootController {

    /** {@code version} is the API's version, as in Sentry; {@code user} and {@code auth} are null for anonymous callers. */
    record ApiRoot(String version, String faultlineVersion, UserJson user, Map<String, Object> auth) {
    }

    private final AccountService accounts;

    ApiRootController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping({"/api/0/", "/api/0"})
    ApiRoot root() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication)) {
            return new ApiRoot("0", BuildInfo.version(), null, null);
        }
        Caller caller = authentication.caller();
        var user = accounts.user(caller.userId()).map(UserJson::of).orElse(null);
        var scopes = Scope.values(caller.viaToken() ? caller.tokenScopes() : Scope.all());
        return new ApiRoot("0", BuildInfo.version(), user, Map.of("scopes", scopes));
    }
}
