package dev.faultline.project;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Pagination;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organization;
import dev.faultline.organization.OrganizationDetailPart;
import dev.faultline.organization.Organizations;
import dev.faultline.team.Team;
import dev.faultline.team.Teams;
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
class ProjectApiController implements OrganizationDetailPart {

    record ProjectBody(String name, String slug, String platform, Boolean dataScrubber, Boolean scrubIPAddresses) {
    }

    private final Organizations organizations;
    private final Projects projects;
    private final Teams teams;

    ProjectApiController(Organizations organizations, Projects projects, Teams teams) {
        this.organizations = organizations;
        this.projects = projects;
        this.teams = teams;
    }

    @GetMapping("/api/0/projects/")
    ResponseEntity<List<ProjectJson>> listAll(Caller caller, HttpServletRequest request) {
        Map<Long, Membership> memberships = organizations.memberships(caller).stream()
                .collect(Collectors.toMap(Membership::organizationId, Function.identity()));
        List<Project> all = projects.listForCaller(caller);
        return Pagination.page(all.stream().map(project -> {
            Membership membership = memberships.get(project.organizationId());
            Organization organization = membership.organization();
            return ProjectJson.of(project, List.of(), Map.of("id", String.valueOf(organization.id()),
                    "slug", organization.slug(), "name", organization.name()));
        }).toList(), request);
    }

    @GetMapping("/api/0/organizations/{org}/projects/")
    ResponseEntity<List<ProjectJson>> list(Caller caller, @PathVariable String org, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        return Pagination.page(describe(membership, projects.list(membership)), request);
    }

    @GetMapping("/api/0/teams/{org}/{team}/projects/")
    ResponseEntity<List<ProjectJson>> listOfTeam(Caller caller, @PathVariable String org, @PathVariable String team,
            HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        return Pagination.page(describe(membership, projects.listOfTeam(membership, teams.find(membership, team))),
                request);
    }

    @PostMapping("/api/0/teams/{org}/{team}/projects/")
    ResponseEntity<ProjectJson> create(Caller caller, @PathVariable String org, @PathVariable String team,
            @RequestBody ProjectBody body) {
        Membership membership = organizations.membership(caller, org);
        Project project = projects.create(membership, teams.require(membership, team), body.name(), body.slug(),
                body.platform());
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(membership, List.of(project)).getFirst());
    }

    @GetMapping("/api/0/projects/{org}/{project}/")
    ProjectJson get(Caller caller, @PathVariable String org, @PathVariable String project) {
        Membership membership = organizations.membership(caller, org);
        return describe(membership, List.of(projects.find(membership, project))).getFirst();
    }

    @PutMapping("/api/0/projects/{org}/{project}/")
    ProjectJson update(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestBody ProjectBody body) {
        Membership membership = organizations.membership(caller, org);
        Project updated = projects.update(membership, projects.find(membership, project), body.name(), body.slug(),
                body.platform());
        if (body.dataScrubber() != null || body.scrubIPAddresses() != null) {
            updated = projects.updateDataSettings(membership, updated, body.dataScrubber(), body.scrubIPAddresses());
        }
        return describe(membership, List.of(updated)).getFirst();
    }

    @DeleteMapping("/api/0/projects/{org}/{project}/")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String org, @PathVariable String project) {
        Membership membership = organizations.membership(caller, org);
        projects.delete(membership, projects.find(membership, project));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/0/projects/{org}/{project}/teams/{team}/")
    ResponseEntity<ProjectJson> addTeam(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable String team) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        projects.addTeam(membership, found, teams.require(membership, team));
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(membership, List.of(found)).getFirst());
    }

    @DeleteMapping("/api/0/projects/{org}/{project}/teams/{team}/")
    ProjectJson removeTeam(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable String team) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        projects.removeTeam(membership, found, teams.require(membership, team));
        return describe(membership, List.of(found)).getFirst();
    }

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public List<ProjectJson> describe(Membership membership) {
        return membership.can(Scope.PROJECT_READ)
                ? describe(membership, projects.list(membership)) : List.of();
    }

    /** Projects with their teams, looked up once for the whole list. */
    private List<ProjectJson> describe(Membership membership, List<Project> list) {
        Map<Long, Team> teamsById = teams.names(membership).stream()
                .collect(Collectors.toMap(Team::id, Function.identity()));
        Map<Long, List<Long>> teamIds = projects.teamIds(list);
        return list.stream().map(project -> ProjectJson.of(project,
                teamIds.getOrDefault(project.id(), List.of()).stream().map(teamsById::get)
                        .map(team -> new ProjectJson.TeamRef(String.valueOf(team.id()), team.slug(), team.name()))
                        .toList(), null)).toList();
    }
}
