package dev.faultline.team;

import java.time.Instant;

/** A team in the API, in Sentry's shape. */
public record TeamJson(String id, String slug, String name, Instant dateCreated, boolean isMember, int memberCount,
        boolean hasAccess, boolean isPending) {

    public static TeamJson of(Team team, boolean isMember) {
        return new TeamJson(String.valueOf(team.id()), team.slug(), team.name(), team.createdAt(), isMember,
                team.memberCount(), true, false);
    }
}
