package dev.faultline.issue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.account.Caller;
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

/**
 * {@code /{org}/issues}. Until the first event arrives it shows how to send one: each project with its DSN, or the
 * way to create the first project.
 */
@Controller
class IssuePageController {

    private final Organizations organizations;
    private final Projects projects;
    private final ProjectKeys keys;

    IssuePageController(Organizations organizations, Projects projects, ProjectKeys keys) {
        this.organizations = organizations;
        this.projects = projects;
        this.keys = keys;
    }

    @GetMapping("/{org}/issues")
    String issues(Caller caller, @PathVariable String org, Model model) {
        Membership membership = organizations.membership(caller, org);
        Map<Project, String> dsns = new LinkedHashMap<>();
        for (Project project : projects.list(membership)) {
            dsns.put(project, keys.list(membership, project).stream().filter(ProjectKey::active).findFirst()
                    .map(key -> keys.dsn(key).publicDsn()).orElse(null));
        }
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "issues");
        model.addAttribute("dsns", dsns);
        return "issue/issues";
    }
}
