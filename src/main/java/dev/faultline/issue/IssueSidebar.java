package dev.faultline.issue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.account.AccountService;
import dev.faultline.account.User;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every tab of an issue shows: the header with its actions, and the sidebar with counts, times and tags. */
@Component
class IssueSidebar {

    static final int TOP_TAG_VALUES = 5;

    /** A tag value as a bar of its share of the issue's events, linking to the list filtered by it. */
    record TagBar(String value, long count, int percent, String link) {
    }

    record TagSummary(String key, long total, long distinctValues, List<TagBar> bars) {
    }

    private final Issues issues;
    private final AccountService accounts;

    IssueSidebar(Issues issues, AccountService accounts) {
        this.issues = issues;
        this.accounts = accounts;
    }

    void addTo(Issues.Opened opened, Model model) {
        Issue issue = opened.issue();
        model.addAttribute("org", opened.membership().organization());
        model.addAttribute("membership", opened.membership());
        model.addAttribute("section", "issues");
        model.addAttribute("issue", issue);
        model.addAttribute("project", opened.project());
        model.addAttribute("shortId", opened.project().shortId(issue.shortId()));
        User assignee = issue.assigneeId() == null ? null
                : accounts.users(List.of(issue.assigneeId())).get(issue.assigneeId());
        model.addAttribute("assignee", assignee);
        model.addAttribute("assignable", opened.membership().allows("event:write")
                ? issues.assignable(opened.membership()).stream().filter(member -> member.userId() != null).toList()
                : List.of());
        model.addAttribute("tags", tags(opened));
    }

    private List<TagSummary> tags(Issues.Opened opened) {
        String orgSlug = opened.membership().organization().slug();
        Map<String, TagSummary> byKey = new LinkedHashMap<>();
        for (TagValue value : issues.tagValues(opened, null, TOP_TAG_VALUES)) {
            TagSummary summary = byKey.computeIfAbsent(value.key(), key -> new TagSummary(key, value.total(),
                    value.distinctValues(), new ArrayList<>()));
            int percent = value.total() == 0 ? 0 : (int) Math.round(100.0 * value.timesSeen() / value.total());
            summary.bars().add(new TagBar(value.value(), value.timesSeen(), percent,
                    TagFilters.link(orgSlug, value.key(), value.value())));
        }
        return List.copyOf(byKey.values());
    }
}
