package dev.faultline.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sentry's organization stats, as Grafana's Sentry data source and Sentry's usage page ask for them. */
@RestController
class StatsApiController {

    private final Organizations organizations;
    private final Projects projects;
    private final StatsRepository stats;

    StatsApiController(Organizations organizations, Projects projects, StatsRepository stats) {
        this.organizations = organizations;
        this.projects = projects;
        this.stats = stats;
    }

    @GetMapping("/api/0/organizations/{org}/stats_v2/")
    Map<String, Object> statsV2(Caller caller, @PathVariable String org,
            @RequestParam MultiValueMap<String, String> params) {
        Membership membership = organizations.membership(caller, org).require(Scope.ORG_READ);
        StatsQuery query = StatsQuery.parse(params, Instant.now());
        List<Long> projectIds = readable(membership, query.projectIds());
        return StatsJson.of(query, query.countsAccepted()
                ? stats.counts(projectIds, query.kinds(), query.range()) : List.of());
    }

    /** The projects asked for, or all the caller can read; one they cannot read is not found, as elsewhere. */
    private List<Long> readable(Membership membership, List<Long> requested) {
        Set<Long> readable = projects.list(membership).stream().map(Project::id).collect(Collectors.toSet());
        if (requested.isEmpty()) {
            return List.copyOf(readable);
        }
        if (!readable.containsAll(requested)) {
            throw Problem.notFound();
        }
        return requested;
    }
}
