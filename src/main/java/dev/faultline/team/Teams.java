package dev.faultline.team;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.organization.Member;
import dev.faultline.organization.MemberTeams;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Slugs;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams of an organization and who is in them. Any member may join or leave a team (open membership, as in
 * GlitchTip); adding or removing someone else needs team:write.
 */
@Service
public class Teams implements MemberTeams {

    private final TeamRepository teams;

    Teams(TeamRepository teams) {
        this.teams = teams;
    }

    public List<Team> list(Membership membership) {
        membership.require(Scope.TEAM_READ);
        return teams.list(membership.organizationId());
    }

    /** The organization's teams without a scope check, for naming them beside data the caller may read. */
    public List<Team> names(Membership membership) {
        return teams.list(membership.organizationId());
    }

    public Team find(Membership membership, String slug) {
        membership.require(Scope.TEAM_READ);
        return teams.find(membership.organizationId(), slug).orElseThrow(Problem::notFound);
    }

    /** The ids of the teams the caller belongs to, for "isMember" flags. */
    public Set<Long> teamIdsOfCaller(Membership membership) {
        return new HashSet<>(teams.teamIdsOfMember(membership.memberId()));
    }

    public List<Long> memberIds(Membership membership, Team team) {
        membership.require(Scope.TEAM_READ);
        return teams.memberIds(team.id());
    }

    @Transactional
    public Team create(Membership membership, String name, String slug) {
        membership.require(Scope.TEAM_WRITE);
        String checkedName = checkName(name == null || name.isBlank() ? slug : name);
        String checkedSlug = slug == null || slug.isBlank()
                ? Slugs.unique(Slugs.fromName(checkedName, "team"), s -> teams.slugTaken(membership.organizationId(), s))
                : Slugs.check(slug.strip());
        try {
            long id = teams.insert(membership.organizationId(), checkedSlug, checkedName);
            teams.addMember(id, membership.memberId());
            return teams.find(membership.organizationId(), checkedSlug).filter(team -> team.id() == id).orElseThrow();
        }
        catch (DuplicateKeyException e) {
            throw slugTaken(checkedSlug);
        }
    }

    @Transactional
    public Team update(Membership membership, Team team, String name, String slug) {
        membership.require(Scope.TEAM_WRITE);
        String checkedName = name == null ? team.name() : checkName(name);
        String checkedSlug = slug == null || slug.isBlank() ? team.slug() : Slugs.check(slug.strip());
        try {
            teams.update(team.id(), checkedSlug, checkedName);
        }
        catch (DuplicateKeyException e) {
            throw slugTaken(checkedSlug);
        }
        return teams.find(membership.organizationId(), checkedSlug).orElseThrow();
    }

    public void delete(Membership membership, Team team) {
        membership.require(Scope.TEAM_ADMIN);
        teams.delete(team.id());
    }

    /** Puts the member in the team: oneself with team:read, anyone else with team:write. */
    public void addMember(Membership membership, Team team, Member member) {
        requireForMember(membership, member);
        teams.addMember(team.id(), member.id());
    }

    public void removeMember(Membership membership, Team team, Member member) {
        requireForMember(membership, member);
        if (!teams.isMember(team.id(), member.id())) {
            throw Problem.notFound();
        }
        teams.removeMember(team.id(), member.id());
    }

    @Override
    public Map<Long, List<String>> teamSlugs(long organizationId, Collection<Long> memberIds) {
        return teams.teamsOfMembers(organizationId, memberIds).stream()
                .collect(Collectors.groupingBy(TeamRepository.MemberTeam::memberId,
                        Collectors.mapping(TeamRepository.MemberTeam::teamSlug, Collectors.toList())));
    }

    @Override
    public List<String> teamSlugs(long organizationId) {
        return teams.list(organizationId).stream().map(Team::slug).toList();
    }

    @Override
    public void addToTeams(long organizationId, long memberId, Collection<String> teamSlugs) {
        var wanted = new LinkedHashSet<>(teamSlugs);
        List<Team> found = teams.findAll(organizationId, wanted);
        if (found.size() != wanted.size()) {
            found.forEach(team -> wanted.remove(team.slug()));
            throw Problem.badRequest("teams", "No team with the slug '" + wanted.iterator().next()
                    + "' in this organization");
        }
        found.forEach(team -> teams.addMember(team.id(), memberId));
    }

    /** A team named by the caller, in the caller's organization: the way routes look teams up. */
    public Team require(Membership membership, String slug) {
        return teams.find(membership.organizationId(), slug).orElseThrow(Problem::notFound);
    }

    private static void requireForMember(Membership membership, Member member) {
        membership.require(member.id() == membership.memberId() ? Scope.TEAM_READ : Scope.TEAM_WRITE);
    }

    private static Problem slugTaken(String slug) {
        return Problem.conflict("slug", "A team with the slug '" + slug + "' already exists in this organization");
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 64) {
            throw Problem.badRequest("name", "A team needs a name or slug of 1 to 64 characters");
        }
        return stripped;
    }
}
