package dev.faultline.support;

import java.net.URI;
import java.util.List;

import dev.faultline.account.AccountService;
import dev.faultline.account.ApiTokens;
import dev.faultline.account.Caller;
import dev.faultline.account.User;
import dev.faultline.organization.Members;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.organization.Role;
import org.springframework.context.ApplicationContext;

/**
 * Users, organizations, members and API tokens made straight through the services, for tests whose subject is
 * something else. Users are registered the way an invitation registers them, so closed registration does not stop
 * them; the first one is a superuser, as on any server.
 */
public final class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final AccountService accounts;
    private final Organizations organizations;
    private final Members members;
    private final ApiTokens tokens;

    public Fixtures(ApplicationContext context) {
        this.accounts = context.getBean(AccountService.class);
        this.organizations = context.getBean(Organizations.class);
        this.members = context.getBean(Members.class);
        this.tokens = context.getBean(ApiTokens.class);
    }

    /** A user with {@link #PASSWORD}. */
    public User user(String email) {
        return accounts.register(email, "", PASSWORD, true);
    }

    /** An organization the user owns. */
    public Membership organization(User owner, String name) {
        return organizations.create(caller(owner), name, null);
    }

    /** Makes the user a member with the role, through an invitation accepted at once (which sends its email). */
    public Membership join(Membership organization, User user, Role role) {
        String link = members.invite(organization, List.of(user.email()), role, List.of()).getFirst().link();
        String[] path = URI.create(link).getPath().split("/");
        members.accept(caller(user), Long.parseLong(path[2]), path[3]);
        return membership(user, organization.organization().slug());
    }

    public Membership membership(User user, String organizationSlug) {
        return organizations.membership(caller(user), organizationSlug);
    }

    /** The value of a new API token of the user with these scopes. */
    public String token(User user, String... scopes) {
        return tokens.create(user.id(), "test token", List.of(scopes)).value();
    }

    public static Caller caller(User user) {
        return Caller.signedIn(user.id(), user.superuser());
    }

    /** A browser signed in as the user. */
    public static WebSession signedIn(int port, User user) {
        var session = new WebSession(port);
        var response = session.signIn(user.email(), PASSWORD);
        if (response.statusCode() != 302) {
            throw new AssertionError("sign-in of " + user.email() + " answered " + response.statusCode());
        }
        return session;
    }
}
