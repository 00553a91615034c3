package dev.faultline.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.faultline.account.Caller;
import dev.faultline.api.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The forms of an issue's page. Each redirects back (303) with a notice; a refusal shows on the page it came from,
 * as a notice beside the forms.
 */
@Controller
class IssueActionPageController {

    private static final String ISSUE = "/{org}/issues/{id:\\d+}";
    private static final Map<String, Duration> IGNORE_FOR = Map.of("1h", Duration.ofHours(1),
            "24h", Duration.ofHours(24), "7d", Duration.ofDays(7));

    private final Issues issues;
    private final IssueTabs tabs;

    IssueActionPageController(Issues issues, IssueTabs tabs) {
        this.issues = issues;
        this.tabs = tabs;
    }

    /** {@code action} resolve, unresolve or ignore; an ignore lasts {@code for} 1h, 24h or 7d, or {@code count} events. */
    @PostMapping(ISSUE + "/status")
    ModelAndView status(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(defaultValue = "") String action, @RequestParam(name = "for", required = false) String ignoreFor,
            @RequestParam(required = false) String count) {
        Issues.Opened opened = issues.open(caller, org, id);
        return act(opened, "", this::details, () -> {
            IssueUpdate update = update(action, ignoreFor, count);
            issues.change(opened.membership(), List.of(opened.issue()), update);
            return update.status();
        });
    }

    @PostMapping(ISSUE + "/assign")
    ModelAndView assign(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(defaultValue = "") String assignee) {
        Issues.Opened opened = issues.open(caller, org, id);
        return act(opened, "", this::details, () -> {
            String who = assignee.isBlank() ? null : assignee;
            issues.change(opened.membership(), List.of(opened.issue()),
                    new IssueUpdate(null, null, null, true, who, false));
            return who == null ? "unassigned" : "assigned";
        });
    }

    @PostMapping(ISSUE + "/delete")
    ModelAndView delete(Caller caller, @PathVariable String org, @PathVariable long id) {
        Issues.Opened opened = issues.open(caller, org, id);
        try {
            issues.delete(opened.membership(), List.of(opened.issue()));
            return seeOther("/" + org + "/issues?deleted");
        } catch (Problem problem) {
            return refused(problem, details(opened));
        }
    }

    @PostMapping(ISSUE + "/comments")
    ModelAndView comment(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(defaultValue = "") String text) {
        Issues.Opened opened = issues.open(caller, org, id);
        return act(opened, "/activity", this::activity, () -> {
            issues.addComment(opened, text);
            return "commented";
        });
    }

    @PostMapping(ISSUE + "/comments/{comment}/edit")
    ModelAndView editComment(Caller caller, @PathVariable String org, @PathVariable long id,
            @PathVariable long comment, @RequestParam(defaultValue = "") String text) {
        Issues.Opened opened = issues.open(caller, org, id);
        return act(opened, "/activity", this::activity, () -> {
            issues.editComment(opened, comment, text);
            return "edited";
        });
    }

    @PostMapping(ISSUE + "/comments/{comment}/delete")
    ModelAndView deleteComment(Caller caller, @PathVariable String org, @PathVariable long id,
            @PathVariable long comment) {
        Issues.Opened opened = issues.open(caller, org, id);
        return act(opened, "/activity", this::activity, () -> {
            issues.deleteComment(opened, comment);
            return "deleted";
        });
    }

    @PostMapping(ISSUE + "/unmerge")
    ModelAndView unmerge(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(name = "hash", required = false) List<String> hashes) {
        Issues.Opened opened = issues.open(caller, org, id);
        return act(opened, "/hashes", this::hashes, () -> {
            if (hashes == null || hashes.isEmpty()) {
                throw Problem.badRequest("hash", "Select the fingerprints to unmerge");
            }
            issues.unmerge(opened, hashes);
            return "unmerged";
        });
    }

    /** Does it and redirects to the tab at {@code path} saying what was done; shows a refusal on that tab. */
    private ModelAndView act(Issues.Opened opened, String path, Function<Issues.Opened, ModelAndView> tab,
            Supplier<String> done) {
        try {
            String what = done.get();
            return seeOther("/" + opened.membership().organization().slug() + "/issues/" + opened.issue().id() + path
                    + "?done=" + what);
        } catch (Problem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            return refused(problem, tab.apply(opened));
        }
    }

    private static IssueUpdate update(String action, String ignoreFor, String count) {
        return switch (action) {
            case "resolve" -> new IssueUpdate(Issue.RESOLVED, null, null, false, null, false);
            case "unresolve" -> new IssueUpdate(Issue.UNRESOLVED, null, null, false, null, false);
            case "ignore" -> {
                Duration duration = ignoreFor == null || ignoreFor.isBlank() ? null : IGNORE_FOR.get(ignoreFor);
                if (ignoreFor != null && !ignoreFor.isBlank() && duration == null) {
                    throw Problem.badRequest("for", "Ignore for 1h, 24h or 7d");
                }
                yield new IssueUpdate(Issue.IGNORED, duration == null ? null : Instant.now().plus(duration),
                        ignoreCount(count), false, null, false);
            }
            default -> throw Problem.badRequest("action", "Choose resolve, unresolve or ignore");
        };
    }

    private static Long ignoreCount(String count) {
        if (count == null || count.isBlank()) {
            return null;
        }
        if (!count.strip().matches("\\d{1,9}") || Long.parseLong(count.strip()) < 1) {
            throw Problem.badRequest("count", "Ignore until a whole number of at least 1 more events");
        }
        return Long.parseLong(count.strip());
    }

    private ModelAndView details(Issues.Opened opened) {
        Model model = new ExtendedModelMap();
        return new ModelAndView(tabs.details(opened, "latest", null, null, model), model.asMap());
    }

    private ModelAndView activity(Issues.Opened opened) {
        Model model = new ExtendedModelMap();
        return new ModelAndView(tabs.activity(opened, model), model.asMap());
    }

    private ModelAndView hashes(Issues.Opened opened) {
        Model model = new ExtendedModelMap();
        return new ModelAndView(tabs.hashes(opened, model), model.asMap());
    }

    private static ModelAndView refused(Problem problem, ModelAndView page) {
        page.addObject("problem", problem);
        page.setStatus(problem.status());
        return page;
    }

    private static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }
}
