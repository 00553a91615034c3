package dev.faultline.account;

import dev.faultline.api.Problem;
import dev.faultline.config.InvalidSettingException;
import dev.faultline.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * For automated installs: creates the superuser named by {@code INITIAL_USER_EMAIL} (with
 * {@code INITIAL_USER_PASSWORD}) and the API token {@code INITIAL_USER_AUTH_TOKEN} when they do not exist yet,
 * before the server takes requests. Starting again changes nothing.
 */
@Component
class InitialUser implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InitialUser.class);

    private final Settings settings;
    private final AccountService accounts;
    private final ApiTokens tokens;

    InitialUser(Settings settings, AccountService accounts, ApiTokens tokens) {
        this.settings = settings;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public void afterSingletonsInstantiated() {
        settings.initialUser().ifPresent(this::ensure);
    }

    private void ensure(Settings.InitialUser initial) {
        User user = accounts.userByEmail(initial.email()).orElseGet(() -> create(initial));
        initial.authToken().ifPresent(value -> {
            if (!tokens.exists(value)) {
                try {
                    tokens.create(user.id(), "INITIAL_USER_AUTH_TOKEN", Scope.values(Scope.all()), value);
                    log.info("Created the API token of INITIAL_USER_AUTH_TOKEN for {}", user.email());
                }
                catch (Problem problem) {
                    throw new InvalidSettingException("INITIAL_USER_AUTH_TOKEN", problem.detail());
                }
            }
        });
    }

    private User create(Settings.InitialUser initial) {
        String password = initial.password().orElseThrow(() -> new InvalidSettingException("INITIAL_USER_PASSWORD",
                "required to create the user " + initial.email() + " of INITIAL_USER_EMAIL"));
        try {
            User user = accounts.createSuperuser(initial.email(), password);
            log.info("Created the superuser {} of INITIAL_USER_EMAIL", user.email());
            return user;
        }
        catch (Problem problem) {
            String variable = "email".equals(problem.field()) ? "INITIAL_USER_EMAIL" : "INITIAL_USER_PASSWORD";
            if (problem.status().value() == 409) {
                // another instance created it at the same moment
                return accounts.userByEmail(initial.email()).orElseThrow();
            }
            throw new InvalidSettingException(variable, problem.detail());
        }
    }
}
