package dev.faultline.project;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.team.Team;
import dev.faultline.team.Teams;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Project settings: name and platform, DSN keys with their setup snippet, teams, deletion. */
@Controller
class ProjectPageController {

    private final Organizations organizations;
    private final Projects projects;
    private final ProjectKeys keys;
    private final Teams teams;

    ProjectPageController(Organizations organizations, Projects projects, ProjectKeys keys, Teams teams) {
        this.organizations = organizations;
        this.projects = projects;
        this.keys = keys;
        this.teams = teams;
    }

    @GetMapping("/{org}/settings/projects")
    String list(Caller caller, @PathVariable String org, Model model) {
        Membership membership = organizations.membership(caller, org);
        List<Project> all = projects.list(membership);
        Map<Long, Team> teamsById = teamsById(membership);
        model.addAttribute("projects", all);
        model.addAttribute("teamsOf", projects.teamIds(all).entrySet().stream().collect(Collectors
                .toMap(Map.Entry::getKey, entry -> entry.getValue().stream().map(teamsById::get).toList())));
        return orgPage(membership, model, "project/projects");
    }

    @GetMapping("/{org}/settings/projects/new")
    String newPage(Caller caller, @PathVariable String org, Model model) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        return newProjectPage(membership, model);
    }

    @PostMapping("/{org}/settings/projects/new")
    String create(Caller caller, @PathVariable String org, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String platform, @RequestParam(defaultValue = "") String team,
            Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        try {
            Team owner = team.isBlank() ? null : teams.require(membership, team);
            Project project = projects.create(membership, owner, name, null, platform);
            return "redirect:/" + org + "/settings/projects/" + project.slug() + "?created";
        }
        catch (Problem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            model.addAttribute("name", name);
            model.addAttribute("chosenPlatform", platform);
            return newProjectPage(membership, model);
        }
    }

    @GetMapping("/{org}/settings/projects/{project}")
    String detail(Caller caller, @PathVariable String org, @PathVariable String project, Model model) {
        Membership membership = organizations.membership(caller, org);
        return detailPage(membership, projects.find(membership, project), model);
    }

    /** The setup snippet for another platform, as an htmx fragment. */
    @GetMapping("/{org}/settings/projects/{project}/snippet")
    String snippet(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestParam(defaultValue = "") String platform, Model model) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        addSnippet(membership, found, platform, model);
        return "project/snippet :: snippet";
    }

    @PostMapping("/{org}/settings/projects/{project}")
    String update(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String platform, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        try {
            Project updated = projects.update(membership, found, name, slug, platform);
            return "redirect:/" + org + "/settings/projects/" + updated.slug() + "?saved";
        }
        catch (Problem problem) {
            return withProblem(membership, found, problem, model, response);
        }
    }

    /** Checkboxes: an unchecked one is not sent, so both settings are given on every save. */
    @PostMapping("/{org}/settings/projects/{project}/data")
    String updateData(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestParam(defaultValue = "false") boolean scrubData,
            @RequestParam(defaultValue = "false") boolean scrubIpAddresses) {
        Membership membership = organizations.membership(caller, org);
        projects.updateDataSettings(membership, projects.find(membership, project), scrubData, scrubIpAddresses);
        return "redirect:/" + org + "/settings/projects/" + project + "?saved";
    }

    @PostMapping("/{org}/settings/projects/{project}/teams")
    String updateTeams(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestParam(required = false) List<String> teams, Model model) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        Project found = projects.find(membership, project);
        var wanted = new HashSet<>(teams == null ? List.<String>of() : teams);
        var current = new HashSet<>(projects.teamIds(List.of(found)).getOrDefault(found.id(), List.of()));
        for (Team team : this.teams.names(membership)) {
            if (wanted.contains(team.slug()) && !current.contains(team.id())) {
                projects.addTeam(membership, found, team);
            }
            else if (!wanted.contains(team.slug()) && current.contains(team.id())) {
                projects.removeTeam(membership, found, team);
            }
        }
        return "redirect:/" + org + "/settings/projects/" + project + "?saved";
    }

    @PostMapping("/{org}/settings/projects/{project}/keys")
    String createKey(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer rateLimitCount,
            @RequestParam(required = false) Integer rateLimitWindow, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        try {
            keys.create(membership, found, name, new ProjectKeys.RateLimit(rateLimitCount, rateLimitWindow));
            return "redirect:/" + org + "/settings/projects/" + project + "?keyCreated#keys";
        }
        catch (Problem problem) {
            return withProblem(membership, found, problem, model, response);
        }
    }

    @PostMapping("/{org}/settings/projects/{project}/keys/{key}")
    String updateKey(Caller caller, @PathVariable String org, @PathVariable String project, @PathVariable String key,
            @RequestParam(required = false) String name, @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer rateLimitCount,
            @RequestParam(required = false) Integer rateLimitWindow,
            @RequestParam(defaultValue = "false") boolean rateLimitGiven, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        try {
            keys.update(membership, keys.find(membership, found, key), name, active,
                    rateLimitGiven ? new ProjectKeys.RateLimit(rateLimitCount, rateLimitWindow) : null);
            return "redirect:/" + org + "/settings/projects/" + project + "?keySaved#keys";
        }
        catch (Problem problem) {
            return withProblem(membership, found, problem, model, response);
        }
    }

    @PostMapping("/{org}/settings/projects/{project}/keys/{key}/delete")
    String deleteKey(Caller caller, @PathVariable String org, @PathVariable String project, @PathVariable String key) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        keys.delete(membership, keys.find(membership, found, key));
        return "redirect:/" + org + "/settings/projects/" + project + "?keyDeleted#keys";
    }

    @PostMapping("/{org}/settings/projects/{project}/delete")
    String delete(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestParam(defaultValue = "") String confirm, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_ADMIN);
        Project found = projects.find(membership, project);
        if (!confirm.strip().equals(found.slug())) {
            return withProblem(membership, found, Problem.badRequest("confirm", "Type the project's slug, "
                    + found.slug() + ", to delete it"), model, response);
        }
        projects.delete(membership, found);
        return "redirect:/" + org + "/settings/projects?deleted";
    }

    private String withProblem(Membership membership, Project project, Problem problem, Model model,
            HttpServletResponse response) {
        if (problem.status().value() == 403 || problem.status().value() == 404) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problem);
        return detailPage(membership, project, model);
    }

    private String newProjectPage(Membership membership, Model model) {
        model.addAttribute("platforms", Platforms.all());
        model.addAttribute("teams", teams.names(membership));
        return orgPage(membership, model, "project/new");
    }

    private String detailPage(Membership membership, Project project, Model model) {
        List<ProjectKey> projectKeys = keys.list(membership, project);
        model.addAttribute("project", project);
        model.addAttribute("keys", projectKeys);
        model.addAttribute("dsns", projectKeys.stream().collect(Collectors
                .toMap(ProjectKey::id, key -> keys.dsn(key))));
        model.addAttribute("platforms", Platforms.all());
        model.addAttribute("allTeams", teams.names(membership));
        model.addAttribute("projectTeamIds", new HashSet<>(projects.teamIds(List.of(project))
                .getOrDefault(project.id(), List.of())));
        addSnippet(membership, project, project.platform(), model);
        return orgPage(membership, model, "project/project");
    }

    private void addSnippet(Membership membership, Project project, String platform, Model model) {
        var firstActive = keys.list(membership, project).stream().filter(ProjectKey::active).findFirst();
        model.addAttribute("project", project);
        model.addAttribute("snippetPlatform", Platforms.find(platform).map(Platforms.Platform::id).orElse("other"));
        model.addAttribute("snippet", Platforms.snippet(platform));
        model.addAttribute("snippetDsn", firstActive.map(key -> keys.dsn(key).publicDsn()).orElse(null));
    }

    private Map<Long, Team> teamsById(Membership membership) {
        return teams.names(membership).stream().collect(Collectors.toMap(Team::id, team -> team));
    }

    private static String orgPage(Membership membership, Model model, String view) {
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "projects");
        return view;
    }
}
