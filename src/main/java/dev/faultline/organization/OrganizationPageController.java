package dev.faultline.organization;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class OrganizationPageController {

    private final Organizations organizations;

    OrganizationPageController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/organizations/new")
    String newPage(Caller caller, Model model) {
        model.addAttribute("allowed", organizations.creationAllowed(caller));
        return "organization/new";
    }

    /** The first-run path goes on to the first project. */
    @PostMapping("/organizations/new")
    String create(Caller caller, @RequestParam(defaultValue = "") String name, Model model,
            HttpServletResponse response) {
        try {
            Membership membership = organizations.create(caller, name, null);
            return "redirect:/" + membership.organization().slug() + "/settings/projects/new";
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("allowed", organizations.creationAllowed(caller));
            model.addAttribute("problem", problem);
            model.addAttribute("name", name);
            return "organization/new";
        }
    }

    @GetMapping("/{org}/settings")
    String settings(Caller caller, @PathVariable String org, Model model) {
        return settingsPage(organizations.membership(caller, org).require(Scope.ORG_READ), model);
    }

    @PostMapping("/{org}/settings")
    String update(Caller caller, @PathVariable String org, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        try {
            Organization updated = organizations.update(membership, name, slug.isBlank() ? null : slug);
            return "redirect:/" + updated.slug() + "/settings?saved";
        }
        catch (Problem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            return settingsPage(membership, model);
        }
    }

    /** Deleting needs the organization's slug typed again, so no stray click does it. */
    @PostMapping("/{org}/settings/delete")
    String delete(Caller caller, @PathVariable String org, @RequestParam(defaultValue = "") String confirm,
            Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org).require(Scope.ORG_ADMIN);
        if (!confirm.strip().equals(membership.organization().slug())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", Problem.badRequest("confirm", "Type the organization's slug, "
                    + membership.organization().slug() + ", to delete it"));
            return settingsPage(membership, model);
        }
        organizations.delete(membership);
        return "redirect:/";
    }

    private static String settingsPage(Membership membership, Model model) {
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "settings");
        return "organization/settings";
    }
}
