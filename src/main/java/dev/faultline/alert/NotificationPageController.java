package dev.faultline.alert;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.account.Caller;
import dev.faultline.api.Problem;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organization;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's alert emails: "send me project alerts" (also on the profile page, as a fragment) and a
 * choice per project that overrides it.
 */
@Controller
class NotificationPageController {

    private final AlertSubscriptions subscriptions;
    private final Projects projects;
    private final Organizations organizations;

    NotificationPageController(AlertSubscriptions subscriptions, Projects projects, Organizations organizations) {
        this.subscriptions = subscriptions;
        this.projects = projects;
        this.organizations = organizations;
    }

    @GetMapping("/profile/notifications")
    String page(Caller caller, Model model) {
        List<Project> all = projects.listForCaller(caller);
        Map<Long, String> organizationNames = organizations.memberships(caller).stream()
                .map(Membership::organization).collect(Collectors.toMap(Organization::id, Organization::name));
        model.addAttribute("subscribeByDefault", subscriptions.byDefault(caller.userId()));
        model.addAttribute("projects", all);
        model.addAttribute("organizationNames", organizationNames);
        model.addAttribute("choices", subscriptions.choices(caller.userId()));
        return "alert/notifications";
    }

    /** The profile page's part: the general setting and a link here. */
    @GetMapping("/profile/notifications/default")
    String defaultSetting(Caller caller, Model model) {
        model.addAttribute("subscribeByDefault", subscriptions.byDefault(caller.userId()));
        model.addAttribute("next", "/profile");
        return "alert/notifications :: default";
    }

    /** A checkbox: unchecked is not sent, so absent means off. */
    @PostMapping("/profile/notifications")
    String setDefault(Caller caller, @RequestParam(defaultValue = "false") boolean subscribeByDefault,
            @RequestParam(defaultValue = "/profile/notifications") String next) {
        subscriptions.setByDefault(caller.userId(), subscribeByDefault);
        return "redirect:" + (next.equals("/profile") ? "/profile" : "/profile/notifications") + "?saved";
    }

    @PostMapping("/profile/notifications/projects/{projectId}")
    String choose(Caller caller, @PathVariable long projectId, @RequestParam(defaultValue = "default") String choice) {
        if (projects.listForCaller(caller).stream().noneMatch(project -> project.id() == projectId)) {
            throw Problem.notFound();
        }
        Boolean subscribed = switch (choice) {
            case "on" -> true;
            case "off" -> false;
            case "default" -> null;
            default -> throw Problem.badRequest("choice", "choice must be default, on or off");
        };
        subscriptions.choose(caller.userId(), projectId, subscribed);
        return "redirect:/profile/notifications?saved";
    }
}
