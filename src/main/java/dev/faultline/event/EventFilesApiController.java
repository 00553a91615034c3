package dev.faultline.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Pagination;
import dev.faultline.api.Problem;
import dev.faultline.ingest.EventIds;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What came with events besides the event: the files attached to an event (downloadable) and what users wrote about
 * errors, in the shapes of Sentry's and GlitchTip's APIs.
 */
@RestController
class EventFilesApiController {

    record AttachmentJson(String id, String eventId, String name, String mimetype, String type, long size,
            Instant dateCreated) {
    }

    record FeedbackJson(String id, String eventID, String name, String email, String comments, Instant dateCreated,
            Map<String, String> issue) {
    }

    private final Organizations organizations;
    private final Projects projects;
    private final JdbcClient jdbc;

    EventFilesApiController(Organizations organizations, Projects projects, JdbcClient jdbc) {
        this.organizations = organizations;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/0/projects/{org}/{project}/events/{eventId}/attachments/")
    ResponseEntity<List<AttachmentJson>> attachments(Caller caller, @PathVariable String org,
            @PathVariable String project, @PathVariable String eventId, HttpServletRequest request) {
        Project found = readable(caller, org, project);
        UUID id = eventId(eventId);
        return Pagination.page(jdbc.sql("""
                        SELECT id, event_id, name, content_type, attachment_type, size, received_at
                        FROM event_attachments WHERE project_id = ? AND event_id = ? ORDER BY id""")
                .params(found.id(), id)
                .query((rs, row) -> new AttachmentJson(String.valueOf(rs.getLong(1)),
                        EventIds.format(rs.getObject(2, UUID.class)), rs.getString(3),
                        rs.getString(4) == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : rs.getString(4),
                        rs.getString(5) == null ? "event.attachment" : rs.getString(5), rs.getLong(6),
                        rs.getTimestamp(7).toInstant()))
                .list(), request);
    }

    /** The file itself with {@code ?download=1}, as Sentry has it; else its description. */
    @GetMapping("/api/0/projects/{org}/{project}/events/{eventId}/attachments/{attachmentId}/")
    ResponseEntity<?> attachment(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable String eventId, @PathVariable long attachmentId,
            @RequestParam(defaultValue = "0") String download) {
        Project found = readable(caller, org, project);
        record File(String name, String contentType, String type, long size, Instant receivedAt, byte[] data) {
        }
        boolean withData = download.equals("1") || download.equalsIgnoreCase("true");
        File file = jdbc.sql("SELECT name, content_type, attachment_type, size, received_at, "
                        + (withData ? "data" : "NULL::bytea AS data")
                        + " FROM event_attachments WHERE project_id = ? AND event_id = ? AND id = ?")
                .params(found.id(), eventId(eventId), attachmentId)
                .query((rs, row) -> new File(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), rs.getBytes(6)))
                .optional().orElseThrow(Problem::notFound);
        if (!withData) {
            return ResponseEntity.ok(new AttachmentJson(String.valueOf(attachmentId), eventId, file.name(),
                    file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.contentType(),
                    file.type() == null ? "event.attachment" : file.type(), file.size(), file.receivedAt()));
        }
        // Served as a download, never rendered: the file came from a client and could hold anything.
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name())
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.data());
    }

    @GetMapping("/api/0/projects/{org}/{project}/user-feedback/")
    ResponseEntity<List<FeedbackJson>> feedback(Caller caller, @PathVariable String org, @PathVariable String project,
            HttpServletRequest request) {
        Project found = readable(caller, org, project);
        return Pagination.page(jdbc.sql("""
                        SELECT f.id, f.event_id, f.name, f.email, f.comments, f.received_at, e.issue_id, i.title,
                               i.short_id
                        FROM user_feedback f
                        LEFT JOIN LATERAL (SELECT issue_id FROM events
                                           WHERE project_id = f.project_id AND event_id = f.event_id LIMIT 1) e ON true
                        LEFT JOIN issues i ON i.id = e.issue_id
                        WHERE f.project_id = ? ORDER BY f.id DESC""")
                .param(found.id())
                .query((rs, row) -> new FeedbackJson(String.valueOf(rs.getLong(1)),
                        rs.getObject(2) == null ? null : EventIds.format(rs.getObject(2, UUID.class)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getObject(7) == null ? null : Map.of("id", String.valueOf(rs.getLong(7)),
                                "title", rs.getString(8), "shortId", found.shortId(rs.getLong(9)))))
                .list(), request);
    }

    private Project readable(Caller caller, String org, String project) {
        Membership membership = organizations.membership(caller, org).require(Scope.EVENT_READ);
        return projects.find(membership, project);
    }

    private static UUID eventId(String text) {
        UUID id = EventIds.parse(text);
        if (id == null) {
            throw Problem.notFound();
        }
        return id;
    }
}
