package dev.faultline.team;

import java.util.List;
import java.util.Set;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Pagination;
import dev.faultline.organization.Member;
import dev.faultline.organization.Members;
import dev.faultline.organization.Membership;
import dev.faultline.organization.OrganizationDetailPart;
import dev.faultline.organization.Organizations;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TeamApiController implements OrganizationDetailPart {

    record TeamBody(String slug, String name) {
    }

    private final Organizations organizations;
    private final Members members;
    private final Teams teams;

    TeamApiController(Organizations organizations, Members members, Teams teams) {
        this.organizations = organizations;
        this.members = members;
        this.teams = teams;
    }

    @GetMapping("/api/0/organizations/{org}/teams/")
    ResponseEntity<List<TeamJson>> list(Caller caller, @PathVariable String org, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        Set<Long> mine = teams.teamIdsOfCaller(membership);
        return Pagination.page(teams.list(membership).stream()
                .map(team -> TeamJson.of(team, mine.contains(team.id()))).toList(), request);
    }

    @PostMapping("/api/0/organizations/{org}/teams/")
    ResponseEntity<TeamJson> create(Caller caller, @PathVariable String org, @RequestBody TeamBody body) {
        Team team = teams.create(organizations.membership(caller, org), body.name(), body.slug());
        return ResponseEntity.status(HttpStatus.CREATED).body(TeamJson.of(team, true));
    }

    @GetMapping("/api/0/teams/{org}/{team}/")
    TeamJson get(Caller caller, @PathVariable String org, @PathVariable String team) {
        Membership membership = organizations.membership(caller, org);
        return json(membership, teams.find(membership, team));
    }

    @PutMapping("/api/0/teams/{org}/{team}/")
    TeamJson update(Caller caller, @PathVariable String org, @PathVariable String team, @RequestBody TeamBody body) {
        Membership membership = organizations.membership(caller, org);
        return json(membership, teams.update(membership, teams.require(membership, team), body.name(), body.slug()));
    }

    @DeleteMapping("/api/0/teams/{org}/{team}/")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String org, @PathVariable String team) {
        Membership membership = organizations.membership(caller, org);
        teams.delete(membership, teams.require(membership, team));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/0/organizations/{org}/members/{member}/teams/{team}/")
    ResponseEntity<TeamJson> join(Caller caller, @PathVariable String org, @PathVariable String member,
            @PathVariable String team) {
        Membership membership = organizations.membership(caller, org);
        Team found = teams.require(membership, team);
        teams.addMember(membership, found, members.find(membership, member));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(membership, teams.require(membership, team)));
    }

    @DeleteMapping("/api/0/organizations/{org}/members/{member}/teams/{team}/")
    TeamJson leave(Caller caller, @PathVariable String org, @PathVariable String member, @PathVariable String team) {
        Membership membership = organizations.membership(caller, org);
        Team found = teams.require(membership, team);
        Member who = members.find(membership, member);
        teams.removeMember(membership, found, who);
        return json(membership, teams.require(membership, team));
    }

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public List<TeamJson> describe(Membership membership) {
        if (!membership.can(Scope.TEAM_READ)) {
            return List.of();
        }
        Set<Long> mine = teams.teamIdsOfCaller(membership);
        return teams.list(membership).stream().map(team -> TeamJson.of(team, mine.contains(team.id()))).toList();
    }

    private TeamJson json(Membership membership, Team team) {
        return TeamJson.of(team, teams.teamIdsOfCaller(membership).contains(team.id()));
    }
}
