package dev.faultline.issue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.account.AccountService;
import dev.faultline.account.Caller;
import dev.faultline.api.Pagination;
import dev.faultline.api.Problem;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Issue lists and bulk changes, of an organization (what Grafana calls) and of a project (what GitLab calls), and
 * one issue by id, with Sentry's paths and shapes.
 */
@RestController
class IssueApiController {

    private final Issues issues;
    private final IssueJsons jsons;
    private final Organizations organizations;
    private final Projects projects;
    private final AccountService accounts;

    IssueApiController(Issues issues, IssueJsons jsons, Organizations organizations, Projects projects,
            AccountService accounts) {
        this.issues = issues;
        this.jsons = jsons;
        this.organizations = organizations;
        this.projects = projects;
        this.accounts = accounts;
    }

    @GetMapping("/api/0/organizations/{org}/issues/")
    ResponseEntity<List<IssueJson>> list(Caller caller, @PathVariable String org, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        IssueStats stats = IssueStats.parse(request.getParameter("groupStatsPeriod"), IssueStats.DAY);
        return page(membership, IssueListParams.ofOrganization(request, issues.now()), stats, request);
    }

    @GetMapping("/api/0/projects/{org}/{project}/issues/")
    ResponseEntity<List<IssueJson>> listOfProject(Caller caller, @PathVariable String org,
            @PathVariable String project, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        IssueStats stats = IssueStats.parse(request.getParameter("statsPeriod"), IssueStats.DAY);
        return page(membership, IssueListParams.ofProject(request, found.id()), stats, request);
    }

    private ResponseEntity<List<IssueJson>> page(Membership membership, Issues.ListRequest list, IssueStats stats,
            HttpServletRequest request) {
        Issues.Page page = issues.list(membership, list);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(HttpHeaders.LINK, Pagination.keysetLink(request, page.previousCursor(), page.nextCursor()));
        if (page.directHit()) {
            response.header("X-Sentry-Direct-Hit", "1");
        }
        return response.body(jsons.list(membership.organization(), page.issues(), stats));
    }

    @PutMapping("/api/0/organizations/{org}/issues/")
    ResponseEntity<Map<String, Object>> update(Caller caller, @PathVariable String org,
            @RequestBody JsonNode body, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        return bulkUpdate(membership, IssueListParams.ofOrganization(request, issues.now()), body, request);
    }

    @PutMapping("/api/0/projects/{org}/{project}/issues/")
    ResponseEntity<Map<String, Object>> updateOfProject(Caller caller, @PathVariable String org,
            @PathVariable String project, @RequestBody JsonNode body, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        return bulkUpdate(membership, IssueListParams.ofProject(request, found.id()), body, request);
    }

    private ResponseEntity<Map<String, Object>> bulkUpdate(Membership membership, Issues.ListRequest list,
            JsonNode body, HttpServletRequest request) {
        IssueUpdate update = IssueUpdate.parse(body, issues.now());
        List<Issue> targets = issues.targets(membership, IssueListParams.ids(request), list);
        if (targets.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (update.merge()) {
            Issue parent = issues.merge(membership, targets);
            result.put("merge", Map.of("parent", String.valueOf(parent.id()), "children", targets.stream()
                    .map(Issue::id).filter(id -> id != parent.id()).map(String::valueOf).toList()));
            return ResponseEntity.ok(result);
        }
        List<Issue> changed = issues.change(membership, targets, update);
        Issue first = changed.getFirst();
        if (update.status() != null) {
            result.put("status", first.status());
            result.put("statusDetails", Map.of());
        }
        if (update.assign()) {
            result.put("assignedTo", first.assigneeId() == null ? null
                    : IssueJsons.assignee(accounts.users(List.of(first.assigneeId())).get(first.assigneeId())));
        }
        return ResponseEntity.ok(result);
    }

    @DeleteMapping("/api/0/organizations/{org}/issues/")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String org, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        return bulkDelete(membership, IssueListParams.ofOrganization(request, issues.now()), request);
    }

    @DeleteMapping("/api/0/projects/{org}/{project}/issues/")
    ResponseEntity<Void> deleteOfProject(Caller caller, @PathVariable String org, @PathVariable String project,
            HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        return bulkDelete(membership, IssueListParams.ofProject(request, found.id()), request);
    }

    private ResponseEntity<Void> bulkDelete(Membership membership, Issues.ListRequest list,
            HttpServletRequest request) {
        List<Long> ids = IssueListParams.ids(request);
        if (ids.isEmpty()) {
            throw Problem.badRequest("id", "Name the issues to delete with id parameters");
        }
        List<Issue> targets = issues.targets(membership, ids, list);
        if (!targets.isEmpty()) {
            issues.delete(membership, targets);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping({"/api/0/issues/{id}/", "/api/0/organizations/{org}/issues/{id}/"})
    IssueJson get(Caller caller, @PathVariable(required = false) String org, @PathVariable long id) {
        return jsons.detail(issues.open(caller, org, id));
    }

    @PutMapping({"/api/0/issues/{id}/", "/api/0/organizations/{org}/issues/{id}/"})
    IssueJson updateOne(Caller caller, @PathVariable(required = false) String org, @PathVariable long id,
            @RequestBody JsonNode body) {
        Issues.Opened opened = issues.open(caller, org, id);
        IssueUpdate update = IssueUpdate.parse(body, issues.now());
        if (update.merge()) {
            throw Problem.badRequest("merge", "Merge issues through the issue list, naming each with an id");
        }
        Issue changed = issues.change(opened.membership(), List.of(opened.issue()), update).getFirst();
        return jsons.detail(new Issues.Opened(changed, opened.project(), opened.membership()));
    }

    @DeleteMapping({"/api/0/issues/{id}/", "/api/0/organizations/{org}/issues/{id}/"})
    ResponseEntity<Void> deleteOne(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id) {
        Issues.Opened opened = issues.open(caller, org, id);
        issues.delete(opened.membership(), List.of(opened.issue()));
        return ResponseEntity.accepted().build();
    }

    /** The counts and trends of issues named by {@code groups}, as Sentry's list asks for them after the list. */
    @GetMapping("/api/0/organizations/{org}/issues-stats/")
    List<IssueJson> stats(Caller caller, @PathVariable String org, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        List<Long> ids = IssueListParams.ids(request, "groups");
        if (ids.isEmpty()) {
            throw Problem.badRequest("groups", "Name the issues with groups parameters");
        }
        if (ids.size() > Issues.MAX_LIMIT) {
            throw Problem.badRequest("groups", "Ask for at most " + Issues.MAX_LIMIT + " issues at once");
        }
        Issues.ListRequest list = IssueListParams.ofOrganization(request, issues.now());
        IssueStats stats = IssueStats.parse(request.getParameter("groupStatsPeriod"), IssueStats.DAY);
        return jsons.list(membership.organization(), issues.listed(membership, ids, list), stats);
    }

    @GetMapping("/api/0/organizations/{org}/environments/")
    List<Map<String, String>> environments(Caller caller, @PathVariable String org) {
        Membership membership = organizations.membership(caller, org);
        return issues.environments(membership).stream()
                .map(name -> Map.of("id", String.valueOf(name.hashCode() & Integer.MAX_VALUE), "name", name)).toList();
    }
}
