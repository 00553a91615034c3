package dev.faultline.alert;

import java.util.List;
import java.util.stream.Collectors;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.event.Level;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.Projects;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A project's alert rules: the list, a new rule, a rule's settings with its recipients and delivery log. */
@Controller
class AlertPageController {

    private static final String BASE = "/{org}/settings/projects/{project}/alerts";

    private final Organizations organizations;
    private final Projects projects;
    private final AlertRules rules;
    private final DeliveryLog log;
    private final WebhookTargets targets;
    private final TestNotifications tests;

    AlertPageController(Organizations organizations, Projects projects, AlertRules rules, DeliveryLog log,
            WebhookTargets targets, TestNotifications tests) {
        this.organizations = organizations;
        this.projects = projects;
        this.rules = rules;
        this.log = log;
        this.targets = targets;
        this.tests = tests;
    }

    @GetMapping(BASE)
    String list(Caller caller, @PathVariable String org, @PathVariable String project, Model model) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        model.addAttribute("rules", rules.list(membership, found));
        return page(membership, found, model, "alert/alerts");
    }

    @GetMapping(BASE + "/new")
    String newRule(Caller caller, @PathVariable String org, @PathVariable String project, Model model) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        model.addAttribute("form", RuleForm.blank());
        return page(membership, projects.find(membership, project), model, "alert/new");
    }

    @PostMapping(BASE + "/new")
    String create(Caller caller, @PathVariable String org, @PathVariable String project,
            @ModelAttribute RuleForm form, @RequestParam(defaultValue = "false") boolean emailTeam, Model model,
            HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        Project found = projects.find(membership, project);
        try {
            List<RuleDraft.RecipientDraft> recipients = emailTeam
                    ? List.of(new RuleDraft.RecipientDraft(RecipientKind.EMAIL, null, null)) : List.of();
            AlertRule rule = rules.create(membership, found, form.draft(recipients));
            return "redirect:/" + org + "/settings/projects/" + project + "/alerts/" + rule.id() + "?created";
        }
        catch (Problem problem) {
            shown(problem, model, response);
            model.addAttribute("form", form);
            return page(membership, found, model, "alert/new");
        }
    }

    @GetMapping(BASE + "/{id}")
    String detail(Caller caller, @PathVariable String org, @PathVariable String project, @PathVariable long id,
            Model model) {
        Membership membership = organizations.membership(caller, org);
        Project found = projects.find(membership, project);
        AlertRule rule = rules.find(membership, found, id);
        model.addAttribute("form", RuleForm.of(rule));
        return detailPage(membership, found, rule, model);
    }

    @PostMapping(BASE + "/{id}")
    String update(Caller caller, @PathVariable String org, @PathVariable String project, @PathVariable long id,
            @ModelAttribute RuleForm form, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        Project found = projects.find(membership, project);
        AlertRule rule = rules.find(membership, found, id);
        try {
            rules.updateSettings(membership, found, id, form.draft(List.of()));
            return "redirect:/" + org + "/settings/projects/" + project + "/alerts/" + id + "?saved";
        }
        catch (Problem problem) {
            shown(problem, model, response);
            model.addAttribute("form", form);
            return detailPage(membership, found, rule, model);
        }
    }

    @PostMapping(BASE + "/{id}/delete")
    String delete(Caller caller, @PathVariable String org, @PathVariable String project, @PathVariable long id) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        rules.delete(membership, projects.find(membership, project), id);
        return "redirect:/" + org + "/settings/projects/" + project + "/alerts?deleted";
    }

    @PostMapping(BASE + "/{id}/recipients")
    String addRecipient(Caller caller, @PathVariable String org, @PathVariable String project, @PathVariable long id,
            @RequestParam(defaultValue = "") String recipientType, @RequestParam(defaultValue = "") String url,
            Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        Project found = projects.find(membership, project);
        AlertRule rule = rules.find(membership, found, id);
        try {
            RecipientKind kind = RecipientKind.of(recipientType);
            rules.addRecipient(membership, found, id, new RuleDraft.RecipientDraft(kind, kind.webhook() ? url : null,
                    null));
            return "redirect:/" + org + "/settings/projects/" + project + "/alerts/" + id + "?recipientAdded#recipients";
        }
        catch (Problem problem) {
            shown(problem, model, response);
            model.addAttribute("recipientType", recipientType);
            model.addAttribute("url", url);
            return detailPage(membership, found, rule, model);
        }
    }

    @PostMapping(BASE + "/{id}/recipients/{recipient}/delete")
    String removeRecipient(Caller caller, @PathVariable String org, @PathVariable String project,
            @PathVariable long id, @PathVariable long recipient) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        rules.removeRecipient(membership, projects.find(membership, project), id, recipient);
        return "redirect:/" + org + "/settings/projects/" + project + "/alerts/" + id + "?recipientRemoved#recipients";
    }

    @PostMapping(BASE + "/{id}/recipients/{recipient}/test")
    String test(Caller caller, @PathVariable String org, @PathVariable String project, @PathVariable long id,
            @PathVariable long recipient, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org).require(Scope.PROJECT_WRITE);
        Project found = projects.find(membership, project);
        AlertRule rule = rules.find(membership, found, id);
        try {
            int queued = tests.send(membership, found, id, recipient);
            return "redirect:/" + org + "/settings/projects/" + project + "/alerts/" + id + "?tested=" + queued
                    + "#recipient-" + recipient;
        }
        catch (Problem problem) {
            shown(problem, model, response);
            return detailPage(membership, found, rule, model);
        }
    }

    /** The rule's page with its recipients, each with its delivery log. */
    private String detailPage(Membership membership, Project project, AlertRule rule, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("logs", rule.recipients().stream().collect(Collectors.toMap(Recipient::id, log::of)));
        model.addAttribute("pending", rule.recipients().stream().collect(Collectors.toMap(Recipient::id,
                log::pending)));
        model.addAttribute("kinds", RecipientKind.values());
        model.addAttribute("privateRefused", !targets.allowsPrivate());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RuleForm.of(rule));
        }
        return page(membership, project, model, "alert/rule");
    }

    private static void shown(Problem problem, Model model, HttpServletResponse response) {
        if (problem.status().value() == 403 || problem.status().value() == 404) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problem);
    }

    private static String page(Membership membership, Project project, Model model, String view) {
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("project", project);
        model.addAttribute("section", "projects");
        model.addAttribute("triggers", Trigger.values());
        model.addAttribute("levels", Level.values());
        return view;
    }
}
