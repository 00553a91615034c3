package dev.faultline.issue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.faultline.account.AccountService;
import dev.faultline.account.User;
import dev.faultline.config.Settings;
import dev.faultline.organization.Organization;
import dev.faultline.project.Project;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the API's issues: counts, trends, comment counts and assignees are read for a whole page at once. */
@Component
class IssueJsons {

    private static final int TOP_TAG_VALUES = 9;

    private final Issues issues;
    private final AccountService accounts;
    private final Settings settings;
    private final JsonMapper json;

    IssueJsons(Issues issues, AccountService accounts, Settings settings, JsonMapper json) {
        this.issues = issues;
        this.accounts = accounts;
        this.settings = settings;
        this.json = json;
    }

    /** The issues of a list, each with its trend over {@code stats} (none when null). */
    List<IssueJson> list(Organization organization, List<Issues.Listed> listed, IssueStats stats) {
        List<Issue> of = listed.stream().map(Issues.Listed::issue).toList();
        Instant now = issues.now();
        Map<Long, Map<Instant, Long>> hourly = stats == null ? Map.of() : issues.hourly(of, stats.since(now));
        Map<Long, Long> comments = issues.commentCounts(of);
        Map<Long, User> assignees = accounts.users(of.stream().map(Issue::assigneeId).filter(Objects::nonNull)
                .distinct().toList());
        return listed.stream().map(item -> {
            Map<String, List<long[]>> trend = stats == null ? Map.of()
                    : Map.of(stats.key(), trend(stats, hourly.getOrDefault(item.issue().id(), Map.of()), now));
            return json(organization, item.issue(), item.project(), item.count(), trend,
                    comments.getOrDefault(item.issue().id(), 0L),
                    item.issue().assigneeId() == null ? null : assignees.get(item.issue().assigneeId()), null);
        }).toList();
    }

    /** One issue as its detail shows it: with both trends, releases, tags and the count of user reports. */
    IssueJson detail(Issues.Opened opened) {
        Issue issue = opened.issue();
        Instant now = issues.now();
        Map<Instant, Long> hourly = issues.hourly(List.of(issue), IssueStats.FORTNIGHT.since(now))
                .getOrDefault(issue.id(), Map.of());
        Map<String, List<long[]>> trends = new LinkedHashMap<>();
        trends.put(IssueStats.DAY.key(), trend(IssueStats.DAY, hourly, now));
        trends.put(IssueStats.FORTNIGHT.key(), trend(IssueStats.FORTNIGHT, hourly, now));
        User assignee = issue.assigneeId() == null ? null
                : accounts.users(List.of(issue.assigneeId())).get(issue.assigneeId());
        long comments = issues.commentCounts(List.of(issue)).getOrDefault(issue.id(), 0L);
        return json(opened.membership().organization(), issue, opened.project(), issue.timesSeen(), trends, comments,
                assignee, opened);
    }

    /** The issue's tag keys with their most seen values. */
    List<IssueJson.TagKeyJson> tags(Issues.Opened opened, String onlyKey) {
        Map<String, List<TagValue>> byKey = issues.tagValues(opened, onlyKey, TOP_TAG_VALUES).stream()
                .collect(Collectors.groupingBy(TagValue::key, LinkedHashMap::new, Collectors.toList()));
        return byKey.entrySet().stream().map(entry -> {
            TagValue first = entry.getValue().getFirst();
            return new IssueJson.TagKeyJson(entry.getKey(), name(entry.getKey()), first.total(),
                    first.distinctValues(), entry.getValue().stream().map(IssueJson.TagValueJson::of).toList());
        }).toList();
    }

    String permalink(Organization organization, long issueId) {
        return settings.baseUrl() + "/" + organization.slug() + "/issues/" + issueId + "/";
    }

    static IssueJson.AssigneeJson assignee(User user) {
        return user == null ? null
                : new IssueJson.AssigneeJson("user", String.valueOf(user.id()),
                        user.name().isBlank() ? user.email() : user.name(), user.email());
    }

    /** The issue, with the detail fields when {@code detail} (the opened issue) is given. */
    private IssueJson json(Organization organization, Issue issue, Project project, long count,
            Map<String, List<long[]>> stats, long comments, User assignee, Issues.Opened detail) {
        boolean full = detail != null;
        return new IssueJson(String.valueOf(issue.id()), project.shortId(issue.shortId()), issue.title(),
                issue.culprit(), permalink(organization, issue.id()), null, issue.level().value(), issue.status(),
                statusDetails(issue), null, false, issue.platform(),
                new IssueJson.ProjectRef(String.valueOf(project.id()), project.name(), project.slug(),
                        project.platform()),
                issue.type(), metadata(issue), comments, assignee(assignee), false, false, false, List.of(),
                Long.toString(count), issue.usersSeen(), issue.firstSeen(), issue.lastSeen(), stats,
                new IssueJson.Lifetime(Long.toString(issue.timesSeen()), issue.usersSeen(), issue.firstSeen(),
                        issue.lastSeen()),
                full ? IssueJson.ReleaseRef.of(issue.firstRelease()) : null,
                full ? IssueJson.ReleaseRef.of(issue.lastRelease()) : null,
                full ? tags(detail, null) : null,
                full ? (long) issues.userReports(detail).size() : null);
    }

    private static Map<String, Object> statusDetails(Issue issue) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (issue.ignoredUntil() != null) {
            details.put("ignoreUntil", issue.ignoredUntil());
        }
        if (issue.ignoredUntilCount() != null) {
            details.put("ignoreCount", issue.ignoredUntilCount() - issue.timesSeen());
        }
        return details;
    }

    private JsonNode metadata(Issue issue) {
        return json.readTree(issue.metadata());
    }

    private static List<long[]> trend(IssueStats stats, Map<Instant, Long> hourly, Instant now) {
        return stats.buckets(hourly, now).stream()
                .map(bucket -> new long[] {bucket.start().getEpochSecond(), bucket.count()}).toList();
    }

    /** Sentry's display names of its own tag keys. */
    private static String name(String key) {
        return switch (key) {
            case "level" -> "Level";
            case "environment" -> "Environment";
            case "release" -> "Release";
            case "browser" -> "Browser";
            case "os" -> "OS";
            case "url" -> "URL";
            case "user" -> "User";
            case "server_name" -> "Server";
            case "transaction" -> "Transaction";
            default -> key;
        };
    }
}
