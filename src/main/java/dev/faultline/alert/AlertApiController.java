package dev.faultline.alert;

import java.util.List;
import java.util.Map;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Pagination;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
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
import tools.jackson.databind.JsonNode;

/** A project's alert rules on GlitchTip's paths. Webhook URLs and secrets are shown to those who may change rules. */
@RestController
class AlertApiController {

    private final Organizations organizations;
    private final Projects projects;
    private final AlertRules rules;

    AlertApiController(Organizations organizations, Projects projects, AlertRules rules) {
        this.organizations = organizations;
        this.projects = projects;
        this.rules = rules;
    }

    @GetMapping("/api/0/projects/{org}/{project}/alerts/")
    ResponseEntity<List<Map<String, Object>>> list(Caller caller, @PathVariable String org,
            @PathVariable String project, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        boolean secrets = membership.can(Scope.PROJECT_WRITE);
        return Pagination.page(rules.list(membership, projects.find(membership, project)).stream()
                .map(rule -> AlertJson.json(rule, secrets)).toList(), request);
    }

    @PostMapping("/api/0/projects/{org}/{project}/alerts/")
    ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestBody(required = false) JsonNode body) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        Project found = projects.find(membership, project);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AlertJson.json(rules.create(membership, found, AlertJson.draft(body)), true));
    }

    @GetMapping("/api/0/projects/{org}/{project}/alerts/{id}/")
    Map<String, Object> get(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable long id) {
        Membership membership = organizations.membership(caller, org);
        return AlertJson.json(rules.find(membership, projects.find(membership, project), id),
                membership.can(Scope.PROJECT_WRITE));
    }

    @PutMapping("/api/0/projects/{org}/{project}/alerts/{id}/")
    Map<String, Object> update(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        Project found = projects.find(membership, project);
        rules.find(membership, found, id);
        return AlertJson.json(rules.update(membership, found, id, AlertJson.draft(body)), true);
    }

    @DeleteMapping("/api/0/projects/{org}/{project}/alerts/{id}/")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable long id) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        rules.delete(membership, projects.find(membership, project), id);
        return ResponseEntity.noContent().build();
    }
}
