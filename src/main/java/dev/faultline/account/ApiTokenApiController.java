package dev.faultline.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.faultline.api.Pagination;
import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's API tokens. Managed from a signed-in browser only: a token that could mint tokens would outlive its own
 * revocation.
 */
@RestController
class ApiTokenApiController {

    record TokenJson(String id, String label, Set<String> scopes, Instant dateCreated, Instant lastUsed,
            String tokenLastCharacters, String token) {

        static TokenJson of(ApiToken token, String value) {
            return new TokenJson(String.valueOf(token.id()), token.label(), Scope.values(token.scopes()),
                    token.createdAt(), token.lastUsedAt(), token.tokenEnd(), value);
        }
    }

    record NewToken(String label, List<String> scopes) {
    }

    private final ApiTokens tokens;

    ApiTokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/0/api-tokens/")
    ResponseEntity<List<TokenJson>> list(Caller caller, HttpServletRequest request) {
        return Pagination.page(tokens.list(signedIn(caller).userId()).stream()
                .map(token -> TokenJson.of(token, null)).toList(), request);
    }

    @PostMapping("/api/0/api-tokens/")
    @ResponseStatus(HttpStatus.CREATED)
    TokenJson create(Caller caller, @RequestBody NewToken body) {
        var created = tokens.create(signedIn(caller).userId(), body.label(), body.scopes());
        return TokenJson.of(created.token(), created.value());
    }

    @DeleteMapping("/api/0/api-tokens/{id}/")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable long id) {
        tokens.revoke(signedIn(caller).userId(), id);
        return ResponseEntity.noContent().build();
    }

    private static Caller signedIn(Caller caller) {
        if (caller.viaToken()) {
            throw Problem.forbidden("API tokens are managed from a signed-in browser, not with an API token.");
        }
        return caller;
    }
}
