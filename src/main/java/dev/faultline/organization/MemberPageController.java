package dev.faultline.organization;

import java.util.Arrays;
import java.util.List;

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
class MemberPageController {

    private final Organizations organizations;
    private final Members members;

    MemberPageController(Organizations organizations, Members members) {
        this.organizations = organizations;
        this.members = members;
    }

    @GetMapping("/{org}/settings/members")
    String list(Caller caller, @PathVariable String org, Model model) {
        return listPage(organizations.membership(caller, org), model);
    }

    /** Several addresses at once, separated by commas, spaces or lines. */
    @PostMapping("/{org}/settings/members/invite")
    String invite(Caller caller, @PathVariable String org, @RequestParam(defaultValue = "") String emails,
            @RequestParam(defaultValue = "member") String role, @RequestParam(required = false) List<String> teams,
            Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        try {
            List<String> addresses = Arrays.stream(emails.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            model.addAttribute("invited", members.invite(membership, addresses, Role.parse(role),
                    teams == null ? List.of() : teams));
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            model.addAttribute("emails", emails);
        }
        return listPage(membership, model);
    }

    @PostMapping("/{org}/settings/members/{id}/resend")
    String resend(Caller caller, @PathVariable String org, @PathVariable long id, Model model) {
        Membership membership = organizations.membership(caller, org);
        model.addAttribute("invited", List.of(members.resend(membership, id)));
        return listPage(membership, model);
    }

    @GetMapping("/{org}/settings/members/{id}")
    String detail(Caller caller, @PathVariable String org, @PathVariable String id, Model model) {
        Membership membership = organizations.membership(caller, org);
        return detailPage(membership, members.find(membership, id), model);
    }

    @PostMapping("/{org}/settings/members/{id}/role")
    String changeRole(Caller caller, @PathVariable String org, @PathVariable long id,
            @RequestParam(defaultValue = "") String role, Model model, HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        try {
            members.changeRole(membership, id, Role.parse(role));
            return "redirect:/" + org + "/settings/members/" + id + "?saved";
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem.field() == null ? problem
                    : Problem.badRequest("role", problem.detail()));
            return detailPage(membership, members.find(membership, String.valueOf(id)), model);
        }
    }

    @PostMapping("/{org}/settings/members/{id}/remove")
    String remove(Caller caller, @PathVariable String org, @PathVariable long id, Model model,
            HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        try {
            members.remove(membership, id);
        }
        catch (Problem problem) {
            if (problem.status().value() != 409) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            return detailPage(membership, members.find(membership, String.valueOf(id)), model);
        }
        return id == membership.memberId() ? "redirect:/" : "redirect:/" + org + "/settings/members?removed";
    }

    private String listPage(Membership membership, Model model) {
        List<Member> all = members.list(membership);
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "settings");
        model.addAttribute("members", all.stream().filter(member -> !member.pending()).toList());
        model.addAttribute("pending", all.stream().filter(Member::pending).toList());
        model.addAttribute("teamsOf", members.teamSlugs(membership, all));
        model.addAttribute("teams", members.teamSlugs(membership));
        model.addAttribute("roles", grantableRoles(membership));
        return "organization/members";
    }

    private String detailPage(Membership membership, Member member, Model model) {
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "settings");
        model.addAttribute("member", member);
        model.addAttribute("memberTeams", members.teamSlugs(membership, List.of(member)).getOrDefault(member.id(),
                List.of()));
        model.addAttribute("roles", grantableRoles(membership));
        model.addAttribute("self", member.id() == membership.memberId());
        model.addAttribute("canManage", membership.can(Scope.MEMBER_WRITE)
                && membership.role().atLeast(member.role()));
        return "organization/member";
    }

    private static List<Role> grantableRoles(Membership membership) {
        return Arrays.stream(Role.values()).filter(role -> membership.role().atLeast(role)).toList();
    }
}
