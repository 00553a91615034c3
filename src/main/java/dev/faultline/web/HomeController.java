package dev.faultline.web;

import dev.faultline.account.Caller;
import dev.faultline.organization.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: the first organization's issues, or the page that creates one. */
@Controller
class HomeController {

    private final Organizations organizations;

    HomeController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(Caller caller) {
        var memberships = organizations.memberships(caller);
        return memberships.isEmpty()
                ? "redirect:/organizations/new"
                : "redirect:/" + memberships.getFirst().organization().slug() + "/issues";
    }
}
