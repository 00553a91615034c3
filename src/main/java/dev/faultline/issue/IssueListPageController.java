package dev.faultline.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.account.AccountService;
import dev.faultline.account.Caller;
import dev.faultline.account.User;
import dev.faultline.api.Problem;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.ProjectKey;
import dev.faultline.project.ProjectKeys;
import dev.faultline.project.Projects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /{org}/issues}: the issues of the organization's projects, filtered by the URL, with bulk actions. Until
 * the first event arrives it shows how to send one: each project with its DSN, or the way to create the first
 * project.
 */
@Controller
class IssueListPageController {

    private static final int PAGE_SIZE = 25;
    /** The sorts offered, by the names the URL carries. */
    private static final Map<String, String> SORTS = sorts();

    /** A row of the list. */
    record Row(Issue issue, Project project, String shortId, long count, String trend, String assignee) {
    }

    private final Issues issues;
    private final Organizations organizations;
    private final Projects projects;
    private final ProjectKeys keys;
    private final AccountService accounts;

    IssueListPageController(Issues issues, Organizations organizations, Projects projects, ProjectKeys keys,
            AccountService accounts) {
        this.issues = issues;
        this.organizations = organizations;
        this.projects = projects;
        this.keys = keys;
        this.accounts = accounts;
    }

    @GetMapping("/{org}/issues")
    String list(Caller caller, @PathVariable String org, @RequestParam(required = false) List<Long> project,
            @RequestParam(required = false) String environment, @RequestParam(required = false) String period,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end,
            @RequestParam(required = false) String query, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, Model model) {
        Membership membership = organizations.membership(caller, org);
        List<Project> all = projects.list(membership);
        IssueListFilters filters = new IssueListFilters(org, project == null ? List.of() : project, environment,
                period, start, end, query, sort);
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "issues");
        model.addAttribute("filters", filters);
        model.addAttribute("projects", all);
        model.addAttribute("periods", IssueListFilters.PERIODS);
        model.addAttribute("sorts", SORTS);
        if (all.stream().allMatch(candidate -> candidate.firstEventAt() == null)) {
            model.addAttribute("dsns", dsns(membership, all));
            return "issue/issues";
        }
        model.addAttribute("environments", issues.environments(membership));
        try {
            var jump = issues.jump(membership, filters.query());
            if (jump.isPresent()) {
                return "redirect:/" + org + "/issues/" + jump.get();
            }
            Issues.ListRequest request = filters.request(cursor, PAGE_SIZE, issues.now());
            Issues.Page page = issues.list(membership, request);
            model.addAttribute("rows", rows(page.issues(), filters.stats()));
            model.addAttribute("page", page);
            model.addAttribute("total", page.previousCursor() == null && page.nextCursor() == null
                    ? page.issues().size() : issues.count(membership, request));
        }
        catch (Problem problem) {
            if (problem.status().value() != 400) {
                throw problem;
            }
            model.addAttribute("searchError", problem.detail());
            model.addAttribute("rows", List.of());
        }
        return "issue/issues";
    }

    /** Resolve, unresolve, ignore, delete or merge the selected issues, or all the filters match. */
    @PostMapping("/{org}/issues")
    String bulk(Caller caller, @PathVariable String org, @RequestParam(required = false) List<Long> project,
            @RequestParam(required = false) String environment, @RequestParam(required = false) String period,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end,
            @RequestParam(required = false) String query, @RequestParam(required = false) String sort,
            @RequestParam(required = false) List<Long> id, @RequestParam(defaultValue = "false") boolean all,
            @RequestParam String action, RedirectAttributes redirect) {
        Membership membership = organizations.membership(caller, org);
        IssueListFilters filters = new IssueListFilters(org, project == null ? List.of() : project, environment,
                period, start, end, query, sort);
        try {
            List<Long> ids = all || id == null ? List.of() : id;
            if (!all && ids.isEmpty()) {
                throw Problem.badRequest("id", "Select the issues to change first");
            }
            List<Issue> targets = issues.targets(membership, ids, filters.request(null, PAGE_SIZE, issues.now()));
            redirect.addFlashAttribute("notice", apply(membership, targets, action));
        }
        catch (Problem problem) {
            if (problem.status().value() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("error", problem.detail());
        }
        return "redirect:" + filters.url();
    }

    private String apply(Membership membership, List<Issue> targets, String action) {
        if (targets.isEmpty()) {
            return "No issues matched.";
        }
        String count = targets.size() == 1 ? "1 issue" : targets.size() + " issues";
        return switch (action) {
            case "resolve" -> status(membership, targets, Issue.RESOLVED, "Resolved " + count + ".");
            case "unresolve" -> status(membership, targets, Issue.UNRESOLVED, "Unresolved " + count + ".");
            case "ignore" -> status(membership, targets, Issue.IGNORED, "Ignored " + count + ".");
            case "merge" -> "Merged " + count + " into " + issues.merge(membership, targets).title() + ".";
            case "delete" -> {
                issues.delete(membership, targets);
                yield "Deleted " + count + ".";
            }
            default -> throw Problem.badRequest("action", "Unknown action '" + action + "'");
        };
    }

    private String status(Membership membership, List<Issue> targets, String status, String notice) {
        issues.change(membership, targets, new IssueUpdate(status, null, null, false, null, false));
        return notice;
    }

    private List<Row> rows(List<Issues.Listed> listed, IssueStats stats) {
        List<Issue> of = listed.stream().map(Issues.Listed::issue).toList();
        Instant now = issues.now();
        Map<Long, Map<Instant, Long>> hourly = issues.hourly(of, stats.since(now));
        Map<Long, User> assignees = accounts.users(of.stream().map(Issue::assigneeId).filter(Objects::nonNull)
                .distinct().toList());
        List<Row> rows = new ArrayList<>();
        for (Issues.Listed item : listed) {
            Issue issue = item.issue();
            User assignee = issue.assigneeId() == null ? null : assignees.get(issue.assigneeId());
            rows.add(new Row(issue, item.project(), item.project().shortId(issue.shortId()), item.count(),
                    Sparkline.points(stats.buckets(hourly.getOrDefault(issue.id(), Map.of()), now)),
                    assignee == null ? null : assignee.displayName()));
        }
        return rows;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        for (String name : List.of("date", "new", "freq", "user", "priority")) {
            sorts.put(name, IssueSort.parse(name).sort().label());
        }
        return sorts;
    }

    private Map<Project, String> dsns(Membership membership, List<Project> all) {
        Map<Project, String> dsns = new LinkedHashMap<>();
        for (Project project : all) {
            dsns.put(project, keys.list(membership, project).stream().filter(ProjectKey::active).findFirst()
                    .map(key -> keys.dsn(key).publicDsn()).orElse(null));
        }
        return dsns;
    }
}
