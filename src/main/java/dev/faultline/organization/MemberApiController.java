package dev.faultline.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.account.AccountService;
import dev.faultline.account.Caller;
import dev.faultline.account.UserJson;
import dev.faultline.api.Pagination;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Members and invitations, with the request shapes of both Sentry ({@code role}, {@code teams}) and GlitchTip. */
@RestController
class MemberApiController {

    record TeamRole(String teamSlug) {
    }

    record InviteBody(String email, List<String> emails, String role, String orgRole, List<String> teams,
            List<TeamRole> teamRoles) {

        List<String> addresses() {
            var all = new ArrayList<String>();
            if (email != null) {
                all.add(email);
            }
            if (emails != null) {
                all.addAll(emails);
            }
            return all;
        }

        List<String> teamSlugs() {
            var all = new ArrayList<String>();
            if (teams != null) {
                all.addAll(teams);
            }
            if (teamRoles != null) {
                teamRoles.stream().map(TeamRole::teamSlug).forEach(all::add);
            }
            return all;
        }
    }

    record RoleBody(String role, String orgRole) {
    }

    record AcceptBody(Boolean acceptInvite) {
    }

    private final Organizations organizations;
    private final Members members;
    private final AccountService accounts;

    MemberApiController(Organizations organizations, Members members, AccountService accounts) {
        this.organizations = organizations;
        this.members = members;
        this.accounts = accounts;
    }

    @GetMapping("/api/0/organizations/{org}/members/")
    ResponseEntity<List<MemberJson>> list(Caller caller, @PathVariable String org, HttpServletRequest request) {
        Membership membership = organizations.membership(caller, org);
        List<Member> all = members.list(membership);
        var teams = members.teamSlugs(membership, all);
        var users = accounts.users(all.stream().map(Member::userId).filter(Objects::nonNull).toList());
        return Pagination.page(all.stream().map(member -> MemberJson.of(member,
                member.userId() == null ? null : UserJson.of(users.get(member.userId())),
                teams.getOrDefault(member.id(), List.of()))).toList(), request);
    }

    @PostMapping("/api/0/organizations/{org}/members/")
    ResponseEntity<Object> invite(Caller caller, @PathVariable String org, @RequestBody InviteBody body) {
        Membership membership = organizations.membership(caller, org);
        Role role = Role.parse(body.orgRole() != null ? body.orgRole() : body.role() != null ? body.role() : "member");
        var invited = members.invite(membership, body.addresses(), role, body.teamSlugs()).stream()
                .map(result -> json(result.member(), body.teamSlugs()).withInvitation(result.link(), result.mailError()))
                .toList();
        Object response = body.emails() == null ? invited.getFirst() : invited;
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    @GetMapping("/api/0/organizations/{org}/members/{member}/")
    MemberJson get(Caller caller, @PathVariable String org, @PathVariable String member) {
        Membership membership = organizations.membership(caller, org);
        Member found = members.find(membership, member);
        return json(found, members.teamSlugs(membership, List.of(found)).getOrDefault(found.id(), List.of()));
    }

    @PutMapping("/api/0/organizations/{org}/members/{member}/")
    MemberJson update(Caller caller, @PathVariable String org, @PathVariable String member, @RequestBody RoleBody body) {
        Membership membership = organizations.membership(caller, org);
        Member found = members.find(membership, member);
        Member changed = members.changeRole(membership, found.id(),
                Role.parse(body.orgRole() != null ? body.orgRole() : body.role()));
        return json(changed, members.teamSlugs(membership, List.of(changed)).getOrDefault(changed.id(), List.of()));
    }

    @DeleteMapping("/api/0/organizations/{org}/members/{member}/")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String org, @PathVariable String member) {
        Membership membership = organizations.membership(caller, org);
        members.remove(membership, members.find(membership, member).id());
        return ResponseEntity.noContent().build();
    }

    /** What an invitation link leads to; the token is the credential, so no sign-in is needed to look. */
    @GetMapping("/api/0/accept/{member}/{token}/")
    Map<String, Object> invitation(@PathVariable long member, @PathVariable String token) {
        var invitation = members.invitation(member, token);
        return Map.of("acceptInvite", false, "orgUser", Map.of("id", String.valueOf(invitation.memberId()),
                "email", invitation.email(), "role", invitation.role().id(), "organization",
                Map.of("slug", invitation.organizationSlug(), "name", invitation.organizationName())));
    }

    @PostMapping("/api/0/accept/{member}/{token}/")
    Map<String, Object> accept(Caller caller, @PathVariable long member, @PathVariable String token,
            @RequestBody AcceptBody body) {
        var invitation = members.invitation(member, token);
        if (Boolean.TRUE.equals(body.acceptInvite())) {
            members.accept(caller, member, token);
        }
        return Map.of("acceptInvite", Boolean.TRUE.equals(body.acceptInvite()), "organization",
                Map.of("slug", invitation.organizationSlug(), "name", invitation.organizationName()));
    }

    private MemberJson json(Member member, List<String> teams) {
        UserJson user = member.userId() == null ? null : accounts.user(member.userId()).map(UserJson::of).orElse(null);
        return MemberJson.of(member, user, teams);
    }
}
