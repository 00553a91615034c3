package dev.faultline.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the organization feature needs to know of teams, provided by the team feature, which depends on this one and
 * not the other way round.
 */
public interface MemberTeams {

    /** The slugs of the teams each member belongs to. */
    Map<Long, List<String>> teamSlugs(long organizationId, Collection<Long> memberIds);

    /** The slugs of all the organization's teams. */
    List<String> teamSlugs(long organizationId);

    /** Adds the member to the organization's teams with these slugs; an unknown slug is a 400. */
    void addToTeams(long organizationId, long memberId, Collection<String> teamSlugs);
}
