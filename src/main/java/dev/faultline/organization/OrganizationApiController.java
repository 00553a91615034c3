package dev.faultline.organization;

import java.util.List;
import java.util.Map;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Pagination;
import dev.faultline.api.Problem;
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
class OrganizationApiController {

    record OrganizationBody(String name, String slug) {
    }

    private final Organizations organizations;
    private final List<OrganizationDetailPart> parts;

    OrganizationApiController(Organizations organizations, List<OrganizationDetailPart> parts) {
        this.organizations = organizations;
        this.parts = parts;
    }

    @GetMapping("/api/0/organizations/")
    ResponseEntity<List<OrganizationJson>> list(Caller caller, HttpServletRequest request) {
        if (!caller.tokenPermits(Scope.ORG_READ)) {
            throw Problem.forbidden();
        }
        return Pagination.page(organizations.memberships(caller).stream()
                .map(membership -> OrganizationJson.of(membership.organization())).toList(), request);
    }

    @PostMapping("/api/0/organizations/")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody OrganizationBody body) {
        Membership membership = organizations.create(caller, body.name(), body.slug());
        return ResponseEntity.status(HttpStatus.CREATED).body(OrganizationJson.detail(membership, parts));
    }

    @GetMapping("/api/0/organizations/{org}/")
    Map<String, Object> get(Caller caller, @PathVariable String org) {
        Membership membership = organizations.membership(caller, org).require(Scope.ORG_READ);
        return OrganizationJson.detail(membership, parts);
    }

    @PutMapping("/api/0/organizations/{org}/")
    Map<String, Object> update(Caller caller, @PathVariable String org, @RequestBody OrganizationBody body) {
        Membership membership = organizations.membership(caller, org);
        Organization updated = organizations.update(membership, body.name(), body.slug());
        return OrganizationJson.detail(new Membership(updated, membership.memberId(), membership.role(), caller), parts);
    }

    @DeleteMapping("/api/0/organizations/{org}/")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String org) {
        organizations.delete(organizations.membership(caller, org));
        return ResponseEntity.noContent().build();
    }
}
