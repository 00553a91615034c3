package dev.faultline.organization;

import java.util.List;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.config.Settings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations: the tenant boundary. Every request about an organization's data starts at {@link #membership}. */
@Service
public class Organizations {

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final Settings settings;

    Organizations(OrganizationRepository organizations, MemberRepository members, Settings settings) {
        this.organizations = organizations;
        this.members = members;
        this.settings = settings;
    }

    /** The caller's membership of the organization; for anyone else it does not exist (404). */
    public Membership membership(Caller caller, String slug) {
        return organizations.findForUser(slug, caller.userId())
                .map(joined -> new Membership(joined.organization(), joined.memberId(), joined.role(), caller))
                .orElseThrow(Problem::notFound);
    }

    /** The same, for an object that names its organization by id (an issue, say). */
    public Membership membership(Caller caller, long organizationId) {
        return organizations.findForUser(organizationId, caller.userId())
                .map(joined -> new Membership(joined.organization(), joined.memberId(), joined.role(), caller))
                .orElseThrow(Problem::notFound);
    }

    /** The organizations the caller belongs to, by name. */
    public List<Membership> memberships(Caller caller) {
        return organizations.listForUser(caller.userId()).stream()
                .map(joined -> new Membership(joined.organization(), joined.memberId(), joined.role(), caller))
                .toList();
    }

    /** Anyone may create the first organization; later ones need the setting, or a superuser. */
    public boolean creationAllowed(Caller caller) {
        return settings.organizationCreation() || caller.superuser() || !organizations.any();
    }

    /** Creates an organization with the caller as its owner. A slug not given is derived from the name. */
    @Transactional
    public Membership create(Caller caller, String name, String slug) {
        if (!caller.tokenPermits(Scope.ORG_WRITE)) {
            throw Problem.forbidden();
        }
        if (!creationAllowed(caller)) {
            throw Problem.forbidden("Organization creation is not open on this server; ask its administrator.");
        }
        String checkedName = checkName(name);
        String checkedSlug = chooseSlug(checkedName, slug);
        Organization organization;
        try {
            organization = organizations.insert(checkedSlug, checkedName);
        }
        catch (DuplicateKeyException e) {
            throw slugTaken(checkedSlug);
        }
        long memberId = members.insertMember(organization.id(), caller.userId(), Role.OWNER);
        return new Membership(organization, memberId, Role.OWNER, caller);
    }

    /** Renames the organization; a new slug changes its URLs. */
    @Transactional
    public Organization update(Membership membership, String name, String slug) {
        membership.require(Scope.ORG_WRITE);
        Organization current = membership.organization();
        String checkedName = name == null ? current.name() : checkName(name);
        String checkedSlug = slug == null || slug.equals(current.slug()) ? current.slug() : checkNewSlug(slug);
        try {
            return organizations.update(current.id(), checkedSlug, checkedName);
        }
        catch (DuplicateKeyException e) {
            throw slugTaken(checkedSlug);
        }
    }

    /** Deletes the organization with everything in it. Owners only. */
    public void delete(Membership membership) {
        membership.require(Scope.ORG_ADMIN);
        organizations.delete(membership.organizationId());
    }

    private String chooseSlug(String name, String slug) {
        if (slug != null && !slug.isBlank()) {
            return checkNewSlug(slug.strip());
        }
        String base = Slugs.fromName(name, "organization");
        return Slugs.unique(base, candidate -> Slugs.RESERVED.contains(candidate) || organizations.slugTaken(candidate));
    }

    private String checkNewSlug(String slug) {
        Slugs.check(slug);
        if (Slugs.RESERVED.contains(slug)) {
            throw Problem.badRequest("slug", "'" + slug + "' is reserved; choose another slug");
        }
        if (organizations.slugTaken(slug)) {
            throw slugTaken(slug);
        }
        return slug;
    }

    private static Problem slugTaken(String slug) {
        return Problem.conflict("slug", "An organization with the slug '" + slug + "' already exists");
    }

    static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 64) {
            throw Problem.badRequest("name", "The name must be 1 to 64 characters long");
        }
        return stripped;
    }
}
