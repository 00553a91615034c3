package dev.faultline.issue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.faultline.api.Problem;
import dev.faultline.event.StoredEvent;
import dev.faultline.event.StoredEvents;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** One event of an issue as the details tab shows it: navigation, exceptions with frames, breadcrumbs, context. */
@Component
class EventDetails {

    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final int MARKDOWN_TAG_VALUES = 3;

    /** How frames are shown: the application's only, all of them, or the trace as its language prints it. */
    enum FramesMode { APP, FULL, RAW }

    /** An exception with the frames to show, the crashing frame first. */
    record ShownException(EventView.ExceptionView exception, List<EventView.Frame> frames, int hiddenFrames) {
    }

    record TagChip(String key, String value, String link) {
    }

    /** Ids of the events around this one; null where there is none. */
    record Navigation(String older, String newer) {
    }

    private final StoredEvents events;
    private final Issues issues;
    private final IssueJsons jsons;

    EventDetails(StoredEvents events, Issues issues, IssueJsons jsons) {
        this.events = events;
        this.issues = issues;
        this.jsons = jsons;
    }

    /** The event a path names: {@code latest}, {@code oldest} or its id; one of another issue is not found. */
    StoredEvent find(Issues.Opened opened, String eventId) {
        long issueId = opened.issue().id();
        return switch (eventId) {
            case "latest" -> events.latest(issueId).orElseThrow(Problem::notFound);
            case "oldest" -> events.oldest(issueId).orElseThrow(Problem::notFound);
            default -> {
                if (!EVENT_ID.matcher(eventId).matches()) {
                    throw Problem.notFound();
                }
                yield events.find(opened.project().id(), uuid(eventId))
                        .filter(event -> event.issueId() == issueId).orElseThrow(Problem::notFound);
            }
        };
    }

    /** Adds the event to the model; without events (all deleted) the page says so instead. */
    void addTo(Issues.Opened opened, String eventId, String frames, String category, Model model) {
        StoredEvent event = "latest".equals(eventId) ? events.latest(opened.issue().id()).orElse(null)
                : find(opened, eventId);
        if (event == null) {
            return;
        }
        EventView view = EventView.of(event.body());
        FramesMode mode = mode(frames, view);
        StoredEvents.Position position = new StoredEvents.Position(event.receivedAt(), event.eventId());
        model.addAttribute("event", event);
        model.addAttribute("eventHex", hex(event.eventId()));
        model.addAttribute("view", view);
        model.addAttribute("framesMode", mode.name().toLowerCase(Locale.ROOT));
        model.addAttribute("exceptions", view.exceptions(true).stream().map(e -> shown(e, mode)).toList());
        model.addAttribute("rawTrace", mode == FramesMode.RAW ? StackTraceText.of(event.body()) : null);
        model.addAttribute("category", category);
        model.addAttribute("breadcrumbs", category == null || category.isBlank() ? view.breadcrumbs()
                : view.breadcrumbs().stream().filter(crumb -> category.equals(crumb.category())).toList());
        model.addAttribute("navigation", new Navigation(
                events.older(opened.issue().id(), position).map(e -> hex(e.eventId())).orElse(null),
                events.newer(opened.issue().id(), position).map(e -> hex(e.eventId())).orElse(null)));
        String orgSlug = opened.membership().organization().slug();
        model.addAttribute("eventTags", view.tags().stream()
                .map(tag -> new TagChip(tag.key(), tag.value(), TagFilters.link(orgSlug, tag.key(), tag.value())))
                .toList());
        model.addAttribute("markdown", markdown(opened, event));
    }

    String markdown(Issues.Opened opened, StoredEvent event) {
        return IssueMarkdown.of(opened.issue(), opened.project().slug(),
                jsons.permalink(opened.membership().organization(), opened.issue().id()), event,
                issues.tagValues(opened, null, MARKDOWN_TAG_VALUES));
    }

    static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    private static UUID uuid(String id) {
        return new UUID(Long.parseUnsignedLong(id.substring(0, 16), 16), Long.parseUnsignedLong(id.substring(16), 16));
    }

    /** As asked; by default the application's frames when the event has any, as Sentry does. */
    private static FramesMode mode(String frames, EventView view) {
        if (frames != null) {
            for (FramesMode mode : FramesMode.values()) {
                if (mode.name().equalsIgnoreCase(frames)) {
                    return mode;
                }
            }
        }
        boolean anyInApp = view.exceptions().stream().flatMap(e -> e.frames().stream())
                .anyMatch(EventView.Frame::inApp);
        return anyInApp ? FramesMode.APP : FramesMode.FULL;
    }

    /** In-app only leaves out the other frames, unless none is in-app: an empty trace would tell nothing. */
    private static ShownException shown(EventView.ExceptionView exception, FramesMode mode) {
        List<EventView.Frame> all = exception.frames(true);
        List<EventView.Frame> inApp = all.stream().filter(EventView.Frame::inApp).toList();
        List<EventView.Frame> shown = mode == FramesMode.APP && !inApp.isEmpty() ? inApp : all;
        return new ShownException(exception, shown, all.size() - shown.size());
    }
}
