package dev.faultline.issue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.account.AccountService;
import dev.faultline.account.Caller;
import dev.faultline.account.User;
import dev.faultline.account.UserJson;
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
import tools.jackson.databind.JsonNode;

/** What belongs to one issue: its tags, grouping hashes, comments and user reports. */
@RestController
class IssueDetailApiController {

    /** A comment in Sentry's shape, a note of the issue's activity. */
    record CommentJson(String id, UserJson user, String type, Map<String, String> data, Instant dateCreated) {
    }

    record UserReportJson(String id, String eventID, String name, String email, String comments,
            Instant dateCreated) {
    }

    record HashJson(String id, long eventCount) {
    }

    private final Issues issues;
    private final IssueJsons jsons;
    private final AccountService accounts;

    IssueDetailApiController(Issues issues, IssueJsons jsons, AccountService accounts) {
        this.issues = issues;
        this.jsons = jsons;
        this.accounts = accounts;
    }

    @GetMapping({"/api/0/issues/{id}/tags/", "/api/0/organizations/{org}/issues/{id}/tags/"})
    List<IssueJson.TagKeyJson> tags(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id) {
        return jsons.tags(issues.open(caller, org, id), null);
    }

    @GetMapping({"/api/0/issues/{id}/tags/{key}/", "/api/0/organizations/{org}/issues/{id}/tags/{key}/"})
    IssueJson.TagKeyJson tag(Caller caller, @PathVariable(required = false) String org, @PathVariable long id,
            @PathVariable String key) {
        return jsons.tags(issues.open(caller, org, id), key).stream().findFirst().orElseThrow(Problem::notFound);
    }

    @GetMapping({"/api/0/issues/{id}/tags/{key}/values/",
            "/api/0/organizations/{org}/issues/{id}/tags/{key}/values/"})
    ResponseEntity<List<IssueJson.TagValueJson>> tagValues(Caller caller,
            @PathVariable(required = false) String org, @PathVariable long id, @PathVariable String key,
            HttpServletRequest request) {
        Issues.Opened opened = issues.open(caller, org, id);
        return Pagination.page(issues.tagValues(opened, key, Issues.MAX_BULK).stream()
                .map(IssueJson.TagValueJson::of).toList(), request);
    }

    @GetMapping({"/api/0/issues/{id}/hashes/", "/api/0/organizations/{org}/issues/{id}/hashes/"})
    ResponseEntity<List<HashJson>> hashes(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id, HttpServletRequest request) {
        return Pagination.page(issues.hashes(issues.open(caller, org, id)).stream()
                .map(hash -> new HashJson(hash.hash(), hash.events())).toList(), request);
    }

    /** Unmerges: the hashes named by {@code id} leave the issue for a new one. */
    @DeleteMapping({"/api/0/issues/{id}/hashes/", "/api/0/organizations/{org}/issues/{id}/hashes/"})
    ResponseEntity<Void> unmerge(Caller caller, @PathVariable(required = false) String org, @PathVariable long id,
            HttpServletRequest request) {
        List<String> hashes = IssueListParams.values(request, "id");
        if (hashes.isEmpty()) {
            throw Problem.badRequest("id", "Name the hashes to unmerge with id parameters");
        }
        issues.unmerge(issues.open(caller, org, id), hashes);
        return ResponseEntity.accepted().build();
    }

    @GetMapping({"/api/0/issues/{id}/comments/", "/api/0/organizations/{org}/issues/{id}/comments/"})
    ResponseEntity<List<CommentJson>> comments(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id, HttpServletRequest request) {
        List<Comment> comments = issues.comments(issues.open(caller, org, id)).reversed();
        Map<Long, User> authors = accounts.users(comments.stream().map(Comment::userId).filter(Objects::nonNull)
                .distinct().toList());
        return Pagination.page(comments.stream().map(comment -> json(comment, authors.get(comment.userId())))
                .toList(), request);
    }

    /** Takes Sentry's {@code {"text": ...}} and GlitchTip's {@code {"data": {"text": ...}}}. */
    @PostMapping({"/api/0/issues/{id}/comments/", "/api/0/organizations/{org}/issues/{id}/comments/"})
    ResponseEntity<CommentJson> comment(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id, @RequestBody JsonNode body) {
        Comment comment = issues.addComment(issues.open(caller, org, id), text(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(comment, author(comment)));
    }

    @PutMapping({"/api/0/issues/{id}/comments/{comment}/",
            "/api/0/organizations/{org}/issues/{id}/comments/{comment}/"})
    CommentJson editComment(Caller caller, @PathVariable(required = false) String org, @PathVariable long id,
            @PathVariable long comment, @RequestBody JsonNode body) {
        Comment edited = issues.editComment(issues.open(caller, org, id), comment, text(body));
        return json(edited, author(edited));
    }

    @DeleteMapping({"/api/0/issues/{id}/comments/{comment}/",
            "/api/0/organizations/{org}/issues/{id}/comments/{comment}/"})
    ResponseEntity<Void> deleteComment(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id, @PathVariable long comment) {
        issues.deleteComment(issues.open(caller, org, id), comment);
        return ResponseEntity.noContent().build();
    }

    @GetMapping({"/api/0/issues/{id}/user-reports/", "/api/0/organizations/{org}/issues/{id}/user-reports/"})
    ResponseEntity<List<UserReportJson>> userReports(Caller caller, @PathVariable(required = false) String org,
            @PathVariable long id, HttpServletRequest request) {
        return Pagination.page(issues.userReports(issues.open(caller, org, id)).stream()
                .map(report -> new UserReportJson(String.valueOf(report.id()),
                        report.eventId() == null ? null : report.eventId().toString().replace("-", ""),
                        report.name(), report.email(), report.comments(), report.receivedAt()))
                .toList(), request);
    }

    private static String text(JsonNode body) {
        JsonNode text = body == null ? null : body.has("text") ? body.get("text") : body.path("data").get("text");
        if (text == null || !text.isString()) {
            throw Problem.badRequest("text", "Send the comment as {\"text\": \"...\"}");
        }
        return text.asString();
    }

    private User author(Comment comment) {
        return comment.userId() == null ? null : accounts.users(List.of(comment.userId())).get(comment.userId());
    }

    private static CommentJson json(Comment comment, User author) {
        return new CommentJson(String.valueOf(comment.id()), author == null ? null : UserJson.of(author), "note",
                Map.of("text", comment.body()), comment.createdAt());
    }
}
