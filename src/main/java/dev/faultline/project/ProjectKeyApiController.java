package dev.faultline.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.account.Caller;
import dev.faultline.api.Pagination;
import dev.faultline.api.Problem;
import dev.faultline.ingest.Dsn;
import dev.faultline.organization.Membership;
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
import tools.jackson.databind.JsonNode;

/** A project's DSN keys, named by their public key as in Sentry's API. */
@RestController
class ProjectKeyApiController {

    private final Organizations organizations;
    private final Projects projects;
    private final ProjectKeys keys;

    ProjectKeyApiController(Organizations organizations, Projects projects, ProjectKeys keys) {
        this.organizations = organizations;
        this.projects = projects;
        this.keys = keys;
    }

    @GetMapping("/api/0/projects/{org}/{project}/keys/")
    ResponseEntity<List<Map<String, Object>>> list(Caller caller, @PathVariable String org,
            @PathVariable String project, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        return Pagination.page(keys.list(membership, projects.find(membership, project)).stream().map(this::json)
                .toList(), request);
    }

    @PostMapping("/api/0/projects/{org}/{project}/keys/")
    ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String org, @PathVariable String project,
            @RequestBody(required = false) JsonNode body) {
        Membership membership = organizations.membership(caller, org);
        ProjectKey key = keys.create(membership, projects.find(membership, project), label(body),
                body != null && body.has("rateLimit") ? rateLimit(body.get("rateLimit")) : null);
        return ResponseEntity.status(HttpStatus.CREATED).body(json(key));
    }

    @GetMapping("/api/0/projects/{org}/{project}/keys/{key}/")
    Map<String, Object> get(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable String key) {
        Membership membership = organizations.membership(caller, org);
        return json(keys.find(membership, projects.find(membership, project), key));
    }

    /** Changes only the fields present; {@code "rateLimit": null} removes the limit. */
    @PutMapping("/api/0/projects/{org}/{project}/keys/{key}/")
    Map<String, Object> update(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable String key, @RequestBody JsonNode body) {
        Membership membership = organizations.membership(caller, org);
        ProjectKey found = keys.find(membership, projects.find(membership, project), key);
        Boolean active = null;
        if (body.has("isActive")) {
            if (!body.get("isActive").isBoolean()) {
                throw Problem.badRequest("isActive", "isActive must be true or false");
            }
            active = body.get("isActive").booleanValue();
        }
        return json(keys.update(membership, found, label(body), active,
                body.has("rateLimit") ? rateLimit(body.get("rateLimit")) : null));
    }

    @DeleteMapping("/api/0/projects/{org}/{project}/keys/{key}/")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable String key) {
        Membership membership = organizations.membership(caller, org);
        keys.delete(membership, keys.find(membership, projects.find(membership, project), key));
        return ResponseEntity.noContent().build();
    }

    private static String label(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode value = body.has("name") ? body.get("name") : body.get("label");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw Problem.badRequest("name", "name must be a string");
        }
        return value.stringValue();
    }

    private static ProjectKeys.RateLimit rateLimit(JsonNode value) {
        if (value == null || value.isNull()) {
            return ProjectKeys.RateLimit.NONE;
        }
        if (!value.isObject()) {
            throw Problem.badRequest("rateLimit", "rateLimit must be {\"count\": N, \"window\": seconds} or null");
        }
        return new ProjectKeys.RateLimit(integer(value.get("count")), integer(value.get("window")));
    }

    private static Integer integer(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw Problem.badRequest("rateLimit", "rateLimit's count and window must be whole numbers");
        }
        return value.intValue();
    }

    private Map<String, Object> json(ProjectKey key) {
        Dsn dsn = keys.dsn(key);
        var json = new LinkedHashMap<String, Object>();
        json.put("id", Dsn.keyString(key.publicKey()));
        json.put("name", key.label());
        json.put("label", key.label());
        json.put("public", Dsn.keyString(key.publicKey()));
        json.put("secret", Dsn.keyString(key.secretKey()));
        json.put("projectId", key.projectId());
        json.put("isActive", key.active());
        json.put("rateLimit", key.rateLimitCount() == null ? null
                : Map.of("count", key.rateLimitCount(), "window", key.rateLimitWindowSeconds()));
        json.put("dsn", Map.of("public", dsn.publicDsn(), "secret", dsn.secretDsn(), "csp", dsn.cspEndpoint(),
                "security", dsn.securityEndpoint(), "minidump", dsn.minidumpEndpoint()));
        json.put("dateCreated", key.createdAt());
        return json;
    }
}
