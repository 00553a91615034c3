package dev.faultline.issue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.faultline.account.AccountService;
import dev.faultline.account.User;
import dev.faultline.api.Problem;
import dev.faultline.event.StoredEvent;
import dev.faultline.event.StoredEvents;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The tabs of an issue's page, each a model for {@code issue/issue}; the page controllers show them. */
@Component
class IssueTabs {

    static final String VIEW = "issue/issue";
    private static final int EVENTS_PER_PAGE = 50;
    /** A filtered events list reads at most this many events for one page, so a rare value cannot scan them all. */
    private static final int EVENTS_SCANNED = 1000;

    /** A comment with its author's name and its Markdown as safe HTML. */
    record ShownComment(Comment comment, String author, String html, boolean own) {
    }

    private final IssueSidebar sidebar;
    private final EventDetails eventDetails;
    private final Issues issues;
    private final StoredEvents events;
    private final AccountService accounts;

    IssueTabs(IssueSidebar sidebar, EventDetails eventDetails, Issues issues, StoredEvents events,
            AccountService accounts) {
        this.sidebar = sidebar;
        this.eventDetails = eventDetails;
        this.issues = issues;
        this.events = events;
        this.accounts = accounts;
    }

    String details(Issues.Opened opened, String eventId, String frames, String category, Model model) {
        sidebar.addTo(opened, model);
        eventDetails.addTo(opened, eventId, frames, category, model);
        model.addAttribute("tab", "details");
        return VIEW;
    }

    /** A page of events, newest first, filtered by an event id or {@code key:value} of a tag when given. */
    String events(Issues.Opened opened, String query, String before, Model model) {
        sidebar.addTo(opened, model);
        String filter = query == null ? "" : query.strip();
        List<StoredEvent> scanned = events.ofIssue(opened.issue().id(), position(before),
                filter.isEmpty() ? EVENTS_PER_PAGE + 1 : EVENTS_SCANNED, false);
        List<StoredEvent> matching = scanned.stream().filter(event -> matches(event, filter)).toList();
        List<StoredEvent> page = matching.stream().limit(EVENTS_PER_PAGE).toList();
        StoredEvent last = matching.size() > EVENTS_PER_PAGE ? page.getLast()
                : !filter.isEmpty() && scanned.size() == EVENTS_SCANNED ? scanned.getLast() : null;
        model.addAttribute("tab", "events");
        model.addAttribute("events", page);
        model.addAttribute("query", filter);
        model.addAttribute("nextBefore", last == null ? null : last.receivedAt() + "," + last.eventId());
        return VIEW;
    }

    String activity(Issues.Opened opened, Model model) {
        sidebar.addTo(opened, model);
        List<Activity> activity = issues.activity(opened);
        List<Comment> comments = issues.comments(opened);
        Map<Long, User> users = accounts.users(ActivityLines.userIds(activity, comments));
        Long me = opened.membership().caller().userId();
        model.addAttribute("tab", "activity");
        model.addAttribute("activity", ActivityLines.of(activity, users));
        model.addAttribute("comments", comments.stream().map(comment -> new ShownComment(comment,
                comment.userId() == null || users.get(comment.userId()) == null ? "A former member"
                        : users.get(comment.userId()).displayName(),
                CommentMarkdown.html(comment.body()), comment.userId() != null && comment.userId().equals(me)))
                .toList());
        model.addAttribute("userReports", issues.userReports(opened));
        return VIEW;
    }

    String hashes(Issues.Opened opened, Model model) {
        sidebar.addTo(opened, model);
        model.addAttribute("tab", "hashes");
        model.addAttribute("hashes", issues.hashes(opened));
        return VIEW;
    }

    private static boolean matches(StoredEvent event, String filter) {
        if (filter.isEmpty()) {
            return true;
        }
        if (filter.matches("[0-9a-fA-F-]{32,36}")) {
            return EventDetails.hex(event.eventId()).equalsIgnoreCase(filter.replace("-", ""));
        }
        int colon = filter.indexOf(':');
        if (colon < 1) {
            return false;
        }
        String value = filter.substring(colon + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return event.tags().contains(filter.substring(0, colon).strip() + "=" + value);
    }

    private static StoredEvents.Position position(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        String[] parts = before.split(",");
        try {
            return new StoredEvents.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw Problem.badRequest("before", "'" + before + "' is not a place in this issue's events");
        }
    }
}
