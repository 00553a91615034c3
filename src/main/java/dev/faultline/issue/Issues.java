package dev.faultline.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.event.IssueMerges;
import dev.faultline.organization.Member;
import dev.faultline.organization.Members;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding issues and acting on them. Every list is limited to the projects of the caller's organization; an issue
 * named by id is opened only through the caller's membership of its organization, and another organization's issue
 * looks the same as one that does not exist.
 */
@Service
class Issues {

    static final int MAX_LIMIT = 100;
    /** Bulk actions on everything matching a query stop here, as Sentry's do. */
    static final int MAX_BULK = 1000;
    static final int MAX_COMMENT_CHARS = 20_000;

    /** An issue the caller may see, with its project and the caller's standing in its organization. */
    record Opened(Issue issue, Project project, Membership membership) {
    }

    /** What a list shows: of these projects (none: all), environments, search, order and page. */
    record ListRequest(List<Long> projectIds, List<String> environments, String query, IssueSort.Order order,
            String cursor, int limit, TimeRange range) {
    }

    /** A listed issue with its project and its events in the list's time range (all of them without one). */
    record Listed(Issue issue, Project project, long count) {
    }

    /** A page of a list, with the cursors of the pages before and after it (null when there is none). */
    record Page(List<Listed> issues, String previousCursor, String nextCursor, boolean directHit) {
    }

    private final IssueRepository issues;
    private final ActivityRepository activity;
    private final Organizations organizations;
    private final Projects projects;
    private final IssueMerges merges;
    private final Members members;

    Issues(IssueRepository issues, ActivityRepository activity, Organizations organizations, Projects projects,
            IssueMerges merges, Members members) {
        this.issues = issues;
        this.activity = activity;
        this.organizations = organizations;
        this.projects = projects;
        this.merges = merges;
        this.members = members;
    }

    Opened open(Caller caller, long issueId) {
        IssueRepository.Located located = issues.locate(issueId).orElseThrow(Problem::notFound);
        Membership membership = organizations.membership(caller, located.organizationId());
        return opened(membership, located.issue());
    }

    /** An issue by id, within the organization when its slug is given (the path names one). */
    Opened open(Caller caller, String organizationSlug, long issueId) {
        return organizationSlug == null ? open(caller, issueId)
                : open(organizations.membership(caller, organizationSlug), issueId);
    }

    /** An issue of this organization; one of another answers 404. */
    Opened open(Membership membership, long issueId) {
        IssueRepository.Located located = issues.locate(issueId).orElseThrow(Problem::notFound);
        if (located.organizationId() != membership.organizationId()) {
            throw Problem.notFound();
        }
        return opened(membership, located.issue());
    }

    private Opened opened(Membership membership, Issue issue) {
        membership.require(Scope.EVENT_READ);
        Project project = readable(membership).get(issue.projectId());
        if (project == null) {
            throw Problem.notFound();
        }
        return new Opened(issue, project, membership);
    }

    Page list(Membership membership, ListRequest request) {
        membership.require(Scope.EVENT_READ);
        Map<Long, Project> readable = readable(membership);
        List<Long> projectIds = projectIds(readable, request.projectIds());
        IssueSearch.Parsed search = search(request.query(), membership);
        Optional<Long> hit = search.jump().flatMap(jump -> jump(projectIds, jump));
        if (hit.isPresent()) {
            List<Issue> found = issues.find(projectIds, List.of(hit.get()));
            return new Page(listed(found, readable, request.range()), null, null, true);
        }
        IssueFilter filter = new IssueFilter(projectIds, search.condition(), request.environments(),
                request.range().start(), request.range().end());
        IssueListSql.Cursor cursor = cursor(request.cursor());
        List<IssueRepository.Ranked> rows = new ArrayList<>(
                issues.list(IssueListSql.page(filter, request.order(), cursor, request.limit())));
        boolean more = rows.size() > request.limit();
        if (more) {
            rows.removeLast();
        }
        boolean back = cursor != null && cursor.previous();
        if (back) {
            Collections.reverse(rows);
        }
        boolean hasPrevious = back ? more : cursor != null;
        boolean hasNext = back || more;
        IssueSort sort = request.order().sort();
        String previous = hasPrevious && !rows.isEmpty() ? cursorOf(sort, rows.getFirst(), true) : null;
        String next = hasNext && !rows.isEmpty() ? cursorOf(sort, rows.getLast(), false) : null;
        List<Listed> page = listed(rows.stream().map(IssueRepository.Ranked::issue).toList(), readable,
                request.range());
        return new Page(page, previous, next, false);
    }

    long count(Membership membership, ListRequest request) {
        membership.require(Scope.EVENT_READ);
        List<Long> projectIds = projectIds(readable(membership), request.projectIds());
        IssueSearch.Parsed search = search(request.query(), membership);
        return issues.count(IssueListSql.count(new IssueFilter(projectIds, search.condition(), request.environments(),
                request.range().start(), request.range().end())));
    }

    /** The issue a query names by event id or short id, if it is one the caller may read. */
    Optional<Long> jump(Membership membership, String query) {
        List<Long> projectIds = List.copyOf(readable(membership).keySet());
        return search(query, membership).jump().flatMap(jump -> jump(projectIds, jump));
    }

    private Optional<Long> jump(List<Long> projectIds, IssueSearch.Jump jump) {
        return switch (jump) {
            case IssueSearch.Jump.ToEvent event -> issues.idOfEvent(projectIds, event.eventId());
            case IssueSearch.Jump.ToShortId shortId ->
                    issues.idOfShortId(projectIds, shortId.projectSlug(), shortId.shortId());
        };
    }

    /** The issues a bulk action applies to: these ids, or without ids everything the request matches. */
    List<Issue> targets(Membership membership, List<Long> ids, ListRequest request) {
        membership.require(Scope.EVENT_READ);
        return targets(membership, readable(membership), ids, request);
    }

    private List<Issue> targets(Membership membership, Map<Long, Project> readable, List<Long> ids,
            ListRequest request) {
        List<Long> projectIds = projectIds(readable, request.projectIds());
        if (!ids.isEmpty()) {
            return issues.find(projectIds, ids);
        }
        IssueSearch.Parsed search = search(request.query(), membership);
        IssueFilter filter = new IssueFilter(projectIds, search.condition(), request.environments(),
                request.range().start(), request.range().end());
        return issues.find(projectIds, issues.listIds(IssueListSql.ids(filter, MAX_BULK)));
    }

    /** Changes status and assignee, and records who did it; returns the issues as they are now. */
    @Transactional
    List<Issue> change(Membership membership, List<Issue> targets, IssueUpdate update) {
        membership.require(Scope.EVENT_WRITE);
        List<Long> ids = targets.stream().map(Issue::id).toList();
        Long userId = membership.caller().userId();
        if (update.status() != null) {
            List<Long> changed = issues.setStatus(ids, update.status(), update.ignoreUntil(), update.ignoreCount());
            activity.add(changed, update.status(), userId, ignoreData(update));
        }
        if (update.assign()) {
            Long assigneeId = update.assignee() == null ? null : assigneeId(membership, update.assignee());
            List<Long> changed = issues.assign(ids, assigneeId);
            activity.add(changed, assigneeId == null ? "unassigned" : "assigned", userId,
                    assigneeId == null ? "{}" : "{\"assignee\": " + assigneeId + "}");
        }
        return issues.find(targets.stream().map(Issue::projectId).distinct().toList(), ids);
    }

    /** The members issues can be assigned to. */
    List<Member> assignable(Membership membership) {
        return members.assignable(membership);
    }

    /** The user {@code user:<id>}, {@code <id>} or an email names, who must be a member of the organization. */
    private Long assigneeId(Membership membership, String assignee) {
        String id = assignee.startsWith("user:") ? assignee.substring(5) : assignee;
        return members.assignable(membership).stream()
                .filter(member -> id.equals(String.valueOf(member.userId())) || id.equalsIgnoreCase(member.email()))
                .map(Member::userId).findFirst()
                .orElseThrow(() -> Problem.badRequest("assignedTo",
                        "'" + assignee + "' is not a member of this organization"));
    }

    private static String ignoreData(IssueUpdate update) {
        if (update.ignoreUntil() != null) {
            return "{\"until\": \"" + update.ignoreUntil() + "\"}";
        }
        return update.ignoreCount() != null ? "{\"count\": " + update.ignoreCount() + "}" : "{}";
    }

    /** Merges the issues (of one project) into the one with the most events; returns it. */
    @Transactional
    Issue merge(Membership membership, List<Issue> targets) {
        membership.require(Scope.EVENT_WRITE);
        if (targets.size() < 2) {
            throw Problem.badRequest("merge", "Select at least two issues to merge");
        }
        if (targets.stream().map(Issue::projectId).distinct().count() > 1) {
            throw Problem.badRequest("merge", "Only issues of the same project can be merged");
        }
        Issue parent = targets.stream()
                .max(Comparator.comparingLong(Issue::timesSeen).thenComparing(Issue::id, Comparator.reverseOrder()))
                .orElseThrow();
        List<Long> children = targets.stream().map(Issue::id).filter(id -> id != parent.id()).toList();
        activity.moveTo(parent.id(), children);
        merges.merge(parent.id(), children);
        activity.add(List.of(parent.id()), "merged", membership.caller().userId(),
                "{\"issues\": " + children.size() + "}");
        return issues.find(List.of(parent.projectId()), List.of(parent.id())).getFirst();
    }

    /** Takes grouping hashes out of the issue into a new issue of their own; returns the new issue's id. */
    @Transactional
    Optional<Long> unmerge(Opened opened, List<String> hashes) {
        opened.membership().require(Scope.EVENT_WRITE);
        Set<String> known = issues.hashes(opened.issue().id()).stream().map(IssueHash::hash)
                .collect(Collectors.toSet());
        if (!known.containsAll(hashes)) {
            throw Problem.badRequest("id", "Not every hash given belongs to this issue");
        }
        if (new HashSet<>(hashes).containsAll(known)) {
            throw Problem.badRequest("id", "An issue keeps at least one of its hashes");
        }
        Optional<Long> created = merges.unmerge(opened.issue().id(), opened.issue().projectId(), hashes);
        created.ifPresent(id -> {
            Long userId = opened.membership().caller().userId();
            activity.add(List.of(opened.issue().id()), "unmerged", userId, "{\"issue\": " + id + "}");
            activity.add(List.of(id), "created", userId, "{\"unmergedFrom\": " + opened.issue().id() + "}");
        });
        return created;
    }

    @Transactional
    void delete(Membership membership, List<Issue> targets) {
        membership.require(Scope.EVENT_ADMIN);
        issues.delete(targets.stream().map(Issue::id).toList());
    }

    /** Each issue's events per hour, for the trends of these issues. */
    Map<Long, Map<Instant, Long>> hourly(List<Issue> of, Instant since) {
        return issues.hourlyCounts(of.stream().map(Issue::id).toList(), since);
    }

    Map<Long, Long> commentCounts(List<Issue> of) {
        return activity.commentCounts(of.stream().map(Issue::id).toList());
    }

    List<TagValue> tagValues(Opened opened, String key, int top) {
        return issues.tagValues(opened.issue().id(), key, top);
    }

    List<IssueHash> hashes(Opened opened) {
        return issues.hashes(opened.issue().id());
    }

    List<UserReport> userReports(Opened opened) {
        return issues.userReports(opened.issue().id());
    }

    List<Activity> activity(Opened opened) {
        return activity.activity(opened.issue().id());
    }

    List<Comment> comments(Opened opened) {
        return activity.comments(opened.issue().id());
    }

    @Transactional
    Comment addComment(Opened opened, String text) {
        opened.membership().require(Scope.EVENT_WRITE);
        Comment comment = activity.addComment(opened.issue().id(), opened.membership().caller().userId(),
                commentText(text));
        activity.add(List.of(opened.issue().id()), "commented", comment.userId(), "{\"comment\": " + comment.id() + "}");
        return comment;
    }

    Comment editComment(Opened opened, long commentId, String text) {
        return activity.editComment(ownComment(opened, commentId).id(), commentText(text));
    }

    void deleteComment(Opened opened, long commentId) {
        activity.deleteComment(ownComment(opened, commentId).id());
    }

    /** A comment of the issue that the caller wrote: only its author changes it. */
    private Comment ownComment(Opened opened, long commentId) {
        opened.membership().require(Scope.EVENT_WRITE);
        Comment comment = activity.comment(opened.issue().id(), commentId).orElseThrow(Problem::notFound);
        if (comment.userId() == null || comment.userId() != opened.membership().caller().userId()) {
            throw Problem.forbidden("Only the author of a comment can change it");
        }
        return comment;
    }

    private static String commentText(String text) {
        if (text == null || text.isBlank()) {
            throw Problem.badRequest("text", "Write something in the comment");
        }
        if (text.length() > MAX_COMMENT_CHARS) {
            throw Problem.badRequest("text", "A comment holds at most " + MAX_COMMENT_CHARS + " characters");
        }
        return text.strip();
    }

    List<String> environments(Membership membership) {
        membership.require(Scope.EVENT_READ);
        return issues.environments(readable(membership).keySet());
    }

    Map<Long, Project> readable(Membership membership) {
        return projects.list(membership).stream().collect(Collectors.toMap(Project::id, Function.identity()));
    }

    Instant now() {
        return Instant.now();
    }

    /** What {@link #targets} finds, with the issues' projects and counts in the request's time range. */
    List<Listed> listed(Membership membership, List<Long> ids, ListRequest request) {
        membership.require(Scope.EVENT_READ);
        Map<Long, Project> readable = readable(membership);
        return listed(targets(membership, readable, ids, request), readable, request.range());
    }

    private List<Listed> listed(List<Issue> found, Map<Long, Project> readable, TimeRange range) {
        Map<Long, Long> counts = range.start() == null ? Map.of()
                : issues.countsBetween(found.stream().map(Issue::id).toList(), range.start(), range.end());
        return found.stream().map(issue -> new Listed(issue, readable.get(issue.projectId()),
                range.start() == null ? issue.timesSeen() : counts.getOrDefault(issue.id(), 0L))).toList();
    }

    /** The projects asked for, each of which the caller must be able to read; none asked for (or -1): all. */
    private static List<Long> projectIds(Map<Long, Project> readable, List<Long> asked) {
        if (asked.isEmpty() || asked.contains(-1L)) {
            return List.copyOf(readable.keySet());
        }
        for (Long id : asked) {
            if (!readable.containsKey(id)) {
                throw Problem.forbidden("You do not have access to project " + id);
            }
        }
        return asked;
    }

    /** The parsed search; one that does not parse is a 400 on the {@code query} field, saying what is wrong. */
    private static IssueSearch.Parsed search(String query, Membership membership) {
        try {
            return IssueSearch.parse(query, new IssueSearch.Context(membership.caller().userId(), Instant.now()));
        }
        catch (InvalidSearchException e) {
            throw Problem.badRequest("query", e.getMessage());
        }
    }

    private static String cursorOf(IssueSort sort, IssueRepository.Ranked row, boolean previous) {
        return sort.cursorValue(row) + ":" + row.issue().id() + ":" + (previous ? 1 : 0);
    }

    private static IssueListSql.Cursor cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.strip().split(":");
        if (parts.length != 3 || !parts[2].matches("[01]")) {
            throw Problem.badRequest("cursor", "'" + value + "' is not a cursor of this list");
        }
        try {
            return new IssueListSql.Cursor(parts[0], Long.parseLong(parts[1]), parts[2].equals("1"));
        }
        catch (NumberFormatException e) {
            throw Problem.badRequest("cursor", "'" + value + "' is not a cursor of this list");
        }
    }
}
