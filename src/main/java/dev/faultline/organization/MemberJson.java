package dev.faultline.organization;

import java.time.Instant;
import java.util.List;

import dev.faultline.account.UserJson;

/**
 * A member in the API, in GlitchTip's shape: {@code user} is null and {@code pending} true for an invitation.
 *
 * @param teams      the member's team slugs, in the detail only
 * @param inviteLink the invitation's link, in the answer to an invitation only
 */
public record MemberJson(String id, String role, String orgRole, String roleName, Instant dateCreated, String email,
        String name, UserJson user, boolean pending, boolean isOwner, List<String> teams, String inviteLink,
        String inviteError) {

    static MemberJson of(Member member, UserJson user, List<String> teams) {
        return new MemberJson(String.valueOf(member.id()), member.role().id(), member.role().id(), member.role().label(),
                member.createdAt(), member.email(), member.displayName(), user, member.pending(),
                member.role() == Role.OWNER, teams, null, null);
    }

    MemberJson withInvitation(String link, String error) {
        return new MemberJson(id, role, orgRole, roleName, dateCreated, email, name, user, pending, isOwner, teams, link,
                error);
    }
}
