package dev.faultline.team;

import java.util.HashSet;
import java.util.List;

import dev.faultline.account.Caller;
import dev.faultline.api.Problem;
import dev.faultline.organization.Member;
import dev.faultline.organization.Members;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class TeamPageController {

    private final Organizations organizations;
    private final Members members;
    private final Teams teams;
    private final TeamProjects teamProjects;

    TeamPageController(Organizations organizations, Members members, Teams teams, TeamProjects teamProjects) {
        this.organizations = organizations;
        this.members = members;
        this.teams = teams;
        this.teamProjects = teamProjects;
    }

    @GetMapping("/{org}/settings/teams")
    String list(Caller caller, @PathVariable String org, Model model) {
        return listPage(organizations.membership(caller, org), model);
    }

    @PostMapping("/{org}/settings/teams")
    String create(Caller caller, @PathVariable String org, @RequestParam(defaultValue = "") String name, Model model,
            HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        try {
            Team team = teams.create(membership, name, null);
            return "redirect:/" + org + "/settings/teams/" + team.slug();
        }
        catch (Problem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            model.addAttribute("name", name);
            return listPage(membership, model);
        }
    }

    @GetMapping("/{org}/settings/teams/{team}")
    String detail(Caller caller, @PathVariable String org, @PathVariable String team, Model model) {
        Membership membership = organizations.membership(caller, org);
        return detailPage(membership, teams.find(membership, team), model);
    }

    @PostMapping("/{org}/settings/teams/{team}")
    String update(Caller caller, @PathVariable String org, @PathVariable String team,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug, Model model,
            HttpServletResponse response) {
        Membership membership = organizations.membership(caller, org);
        Team found = teams.require(membership, team);
        try {
            Team updated = teams.update(membership, found, name, slug);
            return "redirect:/" + org + "/settings/teams/" + updated.slug() + "?saved";
        }
        catch (Problem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            return detailPage(membership, found, model);
        }
    }

    @PostMapping("/{org}/settings/teams/{team}/members")
    String addMember(Caller caller, @PathVariable String org, @PathVariable String team,
            @RequestParam(defaultValue = "me") String member) {
        Membership membership = organizations.membership(caller, org);
        teams.addMember(membership, teams.require(membership, team), members.find(membership, member));
        return "redirect:/" + org + "/settings/teams/" + team;
    }

    @PostMapping("/{org}/settings/teams/{team}/members/{member}/remove")
    String removeMember(Caller caller, @PathVariable String org, @PathVariable String team,
            @PathVariable String member) {
        Membership membership = organizations.membership(caller, org);
        teams.removeMember(membership, teams.require(membership, team), members.find(membership, member));
        return "redirect:/" + org + "/settings/teams/" + team;
    }

    @PostMapping("/{org}/settings/teams/{team}/delete")
    String delete(Caller caller, @PathVariable String org, @PathVariable String team) {
        Membership membership = organizations.membership(caller, org);
        teams.delete(membership, teams.require(membership, team));
        return "redirect:/" + org + "/settings/teams?deleted";
    }

    private String listPage(Membership membership, Model model) {
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "settings");
        model.addAttribute("teams", teams.list(membership));
        model.addAttribute("mine", teams.teamIdsOfCaller(membership));
        return "team/teams";
    }

    private String detailPage(Membership membership, Team team, Model model) {
        var inTeam = new HashSet<>(teams.memberIds(membership, team));
        List<Member> everyone = members.list(membership).stream().filter(member -> !member.pending()).toList();
        model.addAttribute("org", membership.organization());
        model.addAttribute("membership", membership);
        model.addAttribute("section", "settings");
        model.addAttribute("team", team);
        model.addAttribute("teamMembers", everyone.stream().filter(member -> inTeam.contains(member.id())).toList());
        model.addAttribute("others", everyone.stream().filter(member -> !inTeam.contains(member.id())).toList());
        model.addAttribute("isMember", inTeam.contains(membership.memberId()));
        model.addAttribute("projects", teamProjects.projectsOfTeam(membership.organizationId(), team.id()));
        return "team/team";
    }
}
