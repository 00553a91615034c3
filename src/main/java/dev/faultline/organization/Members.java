package dev.faultline.organization;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.account.AccountService;
import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.account.Tokens;
import dev.faultline.api.Problem;
import dev.faultline.config.Settings;
import dev.faultline.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's members and invitations, with the rules on roles: nobody grants a role above their own, and an
 * organization always keeps an owner.
 */
@Service
public class Members {

    private static final Logger log = LoggerFactory.getLogger(Members.class);
    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    static final int MAX_INVITES_AT_ONCE = 50;

    /** The outcome of one invitation: the pending member, the link, and what went wrong sending it, if anything. */
    public record Invited(Member member, String link, String mailError) {
    }

    /** An invitation as its recipient sees it before accepting. */
    public record Invitation(long memberId, String email, Role role, String organizationName, String organizationSlug,
            String invitedBy) {
    }

    private final MemberRepository members;
    private final MemberTeams teams;
    private final Mailer mailer;
    private final Settings settings;
    private final TransactionTemplate transaction;

    Members(MemberRepository members, MemberTeams teams, Mailer mailer, Settings settings,
            TransactionTemplate transaction) {
        this.members = members;
        this.teams = teams;
        this.mailer = mailer;
        this.settings = settings;
        this.transaction = transaction;
    }

    /** A pending member and the token of its link, between the database write and the email. */
    private record NewLink(Member member, String token) {
    }

    public List<Member> list(Membership membership) {
        membership.require(Scope.MEMBER_READ);
        return members.list(membership.organizationId());
    }

    /**
     * The organization's members who have accepted, for choosing whom to assign work to: anyone who may change
     * issues may see whom they can assign them to, without the member:read scope.
     */
    public List<Member> assignable(Membership membership) {
        return members.list(membership.organizationId()).stream().filter(member -> !member.pending()).toList();
    }

    /** A member of the caller's organization by id, or {@code "me"} for the caller's own membership. */
    public Member find(Membership membership, String idOrMe) {
        if ("me".equals(idOrMe)) {
            return members.find(membership.organizationId(), membership.memberId()).orElseThrow(Problem::notFound);
        }
        membership.require(Scope.MEMBER_READ);
        return members.find(membership.organizationId(), parseId(idOrMe)).orElseThrow(Problem::notFound);
    }

    /** The organization's team slugs, to choose from when inviting. */
    public List<String> teamSlugs(Membership membership) {
        return teams.teamSlugs(membership.organizationId());
    }

    public Map<Long, List<String>> teamSlugs(Membership membership, List<Member> of) {
        return teams.teamSlugs(membership.organizationId(), of.stream().map(Member::id).toList());
    }

    /**
     * Invites each address with the role, into the teams; an address already a member is a 409 and invites nobody.
     * The emails go out after the invitations are committed; one that cannot be sent is reported, not fatal.
     */
    public List<Invited> invite(Membership membership, List<String> emails, Role role, List<String> teamSlugs) {
        membership.require(Scope.MEMBER_WRITE);
        checkCanGrant(membership, role);
        var addresses = new LinkedHashSet<String>();
        for (String email : emails) {
            if (email != null && !email.isBlank()) {
                addresses.add(AccountService.checkEmail(email));
            }
        }
        if (addresses.isEmpty()) {
            throw Problem.badRequest("email", "Give at least one email address to invite");
        }
        if (addresses.size() > MAX_INVITES_AT_ONCE) {
            throw Problem.badRequest("email", "Invite at most " + MAX_INVITES_AT_ONCE + " addresses at once");
        }
        List<NewLink> links = transaction.execute(status -> createInvitations(membership, addresses, role, teamSlugs));
        return links.stream().map(link -> sendInvitation(membership, link)).toList();
    }

    private List<NewLink> createInvitations(Membership membership, Iterable<String> addresses, Role role,
            List<String> teamSlugs) {
        long organizationId = membership.organizationId();
        var links = new ArrayList<NewLink>();
        for (String email : addresses) {
            Optional<Member> existing = members.findByEmail(organizationId, email);
            if (existing.isPresent() && !existing.get().pending()) {
                throw Problem.conflict("email", email + " is already a member of this organization");
            }
            String token = Tokens.newUrlToken();
            long memberId;
            if (existing.isPresent()) {
                memberId = existing.get().id();
                members.renewInvitation(memberId, Tokens.hash(token), membership.caller().userId());
            }
            else {
                try {
                    memberId = members.insertInvitation(organizationId, email, role, Tokens.hash(token),
                            membership.caller().userId());
                }
                catch (DuplicateKeyException e) {
                    throw Problem.conflict("email", email + " was invited at the same moment by someone else");
                }
            }
            if (teamSlugs != null && !teamSlugs.isEmpty()) {
                teams.addToTeams(organizationId, memberId, teamSlugs);
            }
            links.add(new NewLink(members.find(organizationId, memberId).orElseThrow(), token));
        }
        return links;
    }

    /** Sends a pending invitation again, with a new link; the old one stops working. */
    public Invited resend(Membership membership, long memberId) {
        membership.require(Scope.MEMBER_WRITE);
        Member member = members.find(membership.organizationId(), memberId).filter(Member::pending)
                .orElseThrow(Problem::notFound);
        String token = Tokens.newUrlToken();
        members.renewInvitation(memberId, Tokens.hash(token), membership.caller().userId());
        return sendInvitation(membership, new NewLink(member, token));
    }

    /** Changes a member's role. Nobody raises anyone above their own role, nor changes someone above it. */
    @Transactional
    public Member changeRole(Membership membership, long memberId, Role role) {
        membership.require(Scope.MEMBER_WRITE);
        members.lockOrganization(membership.organizationId());
        Member member = members.find(membership.organizationId(), memberId).orElseThrow(Problem::notFound);
        checkCanGrant(membership, role);
        checkCanGrant(membership, member.role());
        if (member.role() == Role.OWNER && role != Role.OWNER && !member.pending()
                && members.countOwners(membership.organizationId()) == 1) {
            throw Problem.conflict("role", "An organization needs an owner: make someone else an owner first");
        }
        members.updateRole(memberId, role);
        return members.find(membership.organizationId(), memberId).orElseThrow();
    }

    /**
     * Removes a member or revokes an invitation. Members may always leave; removing others needs member:admin and a
     * role at least theirs. The last owner stays.
     */
    @Transactional
    public void remove(Membership membership, long memberId) {
        members.lockOrganization(membership.organizationId());
        Member member = members.find(membership.organizationId(), memberId).orElseThrow(Problem::notFound);
        boolean self = member.id() == membership.memberId();
        if (!self) {
            membership.require(member.pending() ? Scope.MEMBER_WRITE : Scope.MEMBER_ADMIN);
            checkCanGrant(membership, member.role());
        }
        if (member.role() == Role.OWNER && !member.pending() && members.countOwners(membership.organizationId()) == 1) {
            throw Problem.conflict(null, "The last owner cannot leave or be removed: make someone else an owner first, "
                    + "or delete the organization");
        }
        members.delete(memberId);
    }

    /** The invitation behind a link, while the link is valid. */
    public Invitation invitation(long memberId, String token) {
        var found = validInvitation(memberId, token);
        Member member = found.member();
        return new Invitation(member.id(), member.email(), member.role(), found.organizationName(),
                found.organizationSlug(), found.invitedBy());
    }

    /** The signed-in user accepts the invitation and becomes a member with its role; returns the organization slug. */
    @Transactional
    public String accept(Caller caller, long memberId, String token) {
        var found = validInvitation(memberId, token);
        try {
            if (!members.accept(memberId, caller.userId())) {
                throw Problem.notFound();
            }
        }
        catch (DuplicateKeyException e) {
            throw Problem.conflict(null, "You are already a member of " + found.organizationName());
        }
        return found.organizationSlug();
    }

    private MemberRepository.Invitation validInvitation(long memberId, String token) {
        var found = members.invitation(memberId)
                .filter(invitation -> MessageDigest.isEqual(invitation.tokenHash(), Tokens.hash(token)))
                .orElseThrow(() -> Problem.notFound());
        if (found.member().invitedAt().isBefore(Instant.now().minus(INVITATION_LIFETIME))) {
            throw Problem.badRequest("This invitation has expired; ask for a new one.");
        }
        return found;
    }

    private Invited sendInvitation(Membership membership, NewLink newLink) {
        Member member = newLink.member();
        String link = settings.baseUrl() + "/accept/" + member.id() + "/" + newLink.token();
        try {
            mailer.send(new Mailer.Email(member.email(), "Join " + membership.organization().name() + " on Faultline",
                    "invitation", Map.of("organization", membership.organization().name(), "role",
                            member.role().label(), "link", link, "days", INVITATION_LIFETIME.toDays())));
            return new Invited(member, link, null);
        }
        catch (MailException e) {
            log.warn("Could not send the invitation to {}: {}", member.email(), e.getMessage());
            return new Invited(member, link, e.getMessage());
        }
    }

    private static void checkCanGrant(Membership membership, Role role) {
        if (!membership.role().atLeast(role)) {
            throw Problem.forbidden("You cannot give or change a role above your own (" + membership.role().id() + ")");
        }
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        }
        catch (NumberFormatException e) {
            throw Problem.notFound();
        }
    }
}
