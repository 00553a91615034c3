package dev.faultline.issue;

import java.nio.charset.StandardCharsets;

import dev.faultline.account.Caller;
import dev.faultline.event.StoredEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * An issue's page, {@code /{org}/issues/{id}}: an event in detail (the latest by default), the list of its events,
 * comments and activity, and its grouping hashes; with the stored event as JSON and the issue as Markdown.
 */
@Controller
class IssueDetailPageController {

    private static final String ISSUE = "/{org}/issues/{id:\\d+}";

    private final Issues issues;
    private final IssueTabs tabs;
    private final EventDetails eventDetails;
    private final JsonMapper json;

    IssueDetailPageController(Issues issues, IssueTabs tabs, EventDetails eventDetails, JsonMapper json) {
        this.issues = issues;
        this.tabs = tabs;
        this.eventDetails = eventDetails;
        this.json = json;
    }

    @GetMapping({ISSUE, ISSUE + "/"})
    String issue(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(required = false) String frames, @RequestParam(required = false) String category,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", IssueNotices.text(done));
        return tabs.details(issues.open(caller, org, id), "latest", frames, category, model);
    }

    @GetMapping(ISSUE + "/events/{eventId:latest|oldest|[0-9a-fA-F]{32}}")
    String event(Caller caller, @PathVariable String org, @PathVariable long id, @PathVariable String eventId,
            @RequestParam(required = false) String frames, @RequestParam(required = false) String category,
            Model model) {
        return tabs.details(issues.open(caller, org, id), eventId, frames, category, model);
    }

    @GetMapping(ISSUE + "/events")
    String events(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(required = false) String query, @RequestParam(required = false) String before,
            Model model) {
        return tabs.events(issues.open(caller, org, id), query, before, model);
    }

    @GetMapping(ISSUE + "/activity")
    String activity(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", IssueNotices.text(done));
        return tabs.activity(issues.open(caller, org, id), model);
    }

    @GetMapping(ISSUE + "/hashes")
    String hashes(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", IssueNotices.text(done));
        return tabs.hashes(issues.open(caller, org, id), model);
    }

    /** The event as stored, after normalization. */
    @GetMapping(value = ISSUE + "/events/{eventId:latest|oldest|[0-9a-fA-F]{32}}/json")
    ResponseEntity<String> eventJson(Caller caller, @PathVariable String org, @PathVariable long id,
            @PathVariable String eventId) {
        StoredEvent event = eventDetails.find(issues.open(caller, org, id), eventId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(event.body()));
    }

    @GetMapping(ISSUE + "/markdown")
    ResponseEntity<String> markdown(Caller caller, @PathVariable String org, @PathVariable long id) {
        Issues.Opened opened = issues.open(caller, org, id);
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(eventDetails.markdown(opened, eventDetails.find(opened, "latest")));
    }
}
