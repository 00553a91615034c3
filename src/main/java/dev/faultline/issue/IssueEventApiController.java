package dev.faultline.issue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Pagination;
import dev.faultline.api.Problem;
import dev.faultline.event.StoredEvent;
import dev.faultline.event.StoredEvents;
import dev.faultline.ingest.EventIds;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events of an issue and of a project in Sentry's shape: lists newest first, paged by keyset, and single events by
 * id or as the issue's latest and oldest; GlitchTip's raw stored JSON too.
 */
@RestController
class IssueEventApiController {

    private static final int PAGE = 50;

    private final Issues issues;
    private final StoredEvents events;
    private final Organizations organizations;
    private final Projects projects;

    IssueEventApiController(Issues issues, StoredEvents events, Organizations organizations, Projects projects) {
        this.issues = issues;
        this.events = events;
        this.organizations = organizations;
        this.projects = projects;
    }

    /** The issue's events, newest first. */
    @GetMapping({"/api/0/issues/{id}/events/", "/api/0/organizations/{org}/issues/{id}/events/"})
    ResponseEntity<List<ObjectNode>> list(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id, HttpServletRequest request) {
        issues.open(caller, org, id);
        return paged(events.ofIssue(id, position(request.getParameter("cursor")), PAGE + 1, true), request);
    }

    @GetMapping({"/api/0/issues/{id}/events/{eventId}/", "/api/0/organizations/{org}/issues/{id}/events/{eventId}/"})
    ObjectNode event(Caller caller, @PathVariable(required = false) String org, @PathVariable long id,
            @PathVariable String eventId) {
        Issues.Opened opened = issues.open(caller, org, id);
        return SentryEventJson.of(find(opened, eventId), id);
    }

    /** GlitchTip's raw event: the stored, normalized event as it is kept. */
    @GetMapping("/api/0/organizations/{org}/issues/{id}/events/{eventId}/json/")
    ObjectNode raw(Caller caller, @PathVariable String org, @PathVariable long id, @PathVariable String eventId) {
        return find(issues.open(caller, org, id), eventId).body();
    }

    @GetMapping({"/api/0/projects/{org}/{project}/events/"})
    ResponseEntity<List<ObjectNode>> listOfProject(Caller caller, @PathVariable String org,
            @PathVariable String project, HttpServletRequest request) {
        Project found = readableProject(caller, org, project);
        return paged(events.ofProjects(List.of(found.id()), position(request.getParameter("cursor")), PAGE + 1),
                request);
    }

    @GetMapping("/api/0/projects/{org}/{project}/events/{eventId}/")
    ObjectNode eventOfProject(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable String eventId) {
        Project found = readableProject(caller, org, project);
        StoredEvent event = events.find(found.id(), eventId(eventId)).orElseThrow(Problem::notFound);
        return SentryEventJson.of(event, event.issueId());
    }

    private Project readableProject(Caller caller, String org, String slug) {
        Membership membership = organizations.membership(caller, org);
        membership.require(Scope.EVENT_READ);
        return projects.find(membership, slug);
    }

    /** An event of the issue by id, or {@code latest}, {@code oldest} or {@code recommended} (the latest). */
    private StoredEvent find(Issues.Opened opened, String eventId) {
        long issueId = opened.issue().id();
        Optional<StoredEvent> found = switch (eventId) {
            case "latest", "recommended" -> events.latest(issueId);
            case "oldest" -> events.oldest(issueId);
            default -> events.find(opened.project().id(), eventId(eventId))
                    .filter(event -> event.issueId() == issueId);
        };
        return found.orElseThrow(Problem::notFound);
    }

    private static UUID eventId(String text) {
        UUID id = EventIds.parse(text);
        if (id == null) {
            throw Problem.notFound();
        }
        return id;
    }

    /** A page of events, as the list's summaries or, with {@code full=true}, whole events. */
    private static ResponseEntity<List<ObjectNode>> paged(List<StoredEvent> rows, HttpServletRequest request) {
        Function<StoredEvent, ObjectNode> shape = "true".equals(request.getParameter("full"))
                ? event -> SentryEventJson.of(event, event.issueId())
                : event -> SentryEventJson.listItem(event, event.issueId());
        boolean more = rows.size() > PAGE;
        List<StoredEvent> page = more ? rows.subList(0, PAGE) : rows;
        String next = more ? cursor(page.getLast()) : null;
        return ResponseEntity.ok().header(HttpHeaders.LINK, Pagination.keysetLink(request, null, next))
                .body(page.stream().map(shape).toList());
    }

    /** A page's end as a cursor: the receive time in microseconds and the event id. */
    private static String cursor(StoredEvent event) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, event.receivedAt()) + ":" + EventIds.format(event.eventId())
                + ":0";
    }

    private static StoredEvents.Position position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = cursor.strip().split(":");
        UUID eventId = parts.length == 3 ? EventIds.parse(parts[1]) : null;
        if (eventId == null || !parts[0].matches("\\d{1,19}")) {
            throw Problem.badRequest("cursor", "'" + cursor + "' is not a cursor of this list");
        }
        return new StoredEvents.Position(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), eventId);
    }
}
