package dev.faultline.account;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sentry's API scopes, as API tokens carry them and organization roles grant them. Within one resource a higher
 * level includes the lower ones ({@code project:admin} includes {@code project:write} and {@code project:read}).
 */
public enum Scope {

    ORG_READ("org:read"), ORG_WRITE("org:write"), ORG_ADMIN("org:admin"), ORG_INTEGRATIONS("org:integrations"),
    MEMBER_READ("member:read"), MEMBER_WRITE("member:write"), MEMBER_ADMIN("member:admin"),
    TEAM_READ("team:read"), TEAM_WRITE("team:write"), TEAM_ADMIN("team:admin"),
    PROJECT_READ("project:read"), PROJECT_WRITE("project:write"), PROJECT_ADMIN("project:admin"),
    PROJECT_RELEASES("project:releases"),
    EVENT_READ("event:read"), EVENT_WRITE("event:write"), EVENT_ADMIN("event:admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Whether holding this scope allows what {@code required} allows. */
    public boolean satisfies(Scope required) {
        if (this == required) {
            return true;
        }
        return resource().equals(required.resource()) && level() >= 0 && required.level() >= 0
                && level() >= required.level();
    }

    /** Whether any of {@code held} allows what {@code required} allows. */
    public static boolean anySatisfies(Collection<Scope> held, Scope required) {
        return held.stream().anyMatch(scope -> scope.satisfies(required));
    }

    public static Scope of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + value + "'"));
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    public static Set<String> values(Collection<Scope> scopes) {
        return scopes.stream().map(Scope::value).collect(Collectors.toCollection(TreeSet::new));
    }

    private String resource() {
        return value.substring(0, value.indexOf(':'));
    }

    /** read, write, admin as 0, 1, 2; -1 for scopes outside that ladder (releases, integrations). */
    private int level() {
        return switch (value.substring(value.indexOf(':') + 1)) {
            case "read" -> 0;
            case "write" -> 1;
            case "admin" -> 2;
            default -> -1;
        };
    }
}
