package dev.faultline.organization;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.account.Scope;

/** An organization in the API, in Sentry's and GlitchTip's shape. */
public record OrganizationJson(String id, String slug, String name, Instant dateCreated, Map<String, String> status,
        Map<String, Object> avatar, boolean isEarlyAdopter, boolean require2FA, boolean isAcceptingEvents) {

    public static OrganizationJson of(Organization organization) {
        var avatar = new LinkedHashMap<String, Object>();
        avatar.put("avatarType", "letter_avatar");
        avatar.put("avatarUuid", null);
        return new OrganizationJson(String.valueOf(organization.id()), organization.slug(), organization.name(),
                organization.createdAt(), Map.of("id", "active", "name", "active"), avatar, false, false, true);
    }

    /** The detail: the summary, the caller's role and access, and the parts other features add. */
    static Map<String, Object> detail(Membership membership, Iterable<OrganizationDetailPart> parts) {
        var json = new LinkedHashMap<String, Object>();
        var summary = of(membership.organization());
        json.put("id", summary.id());
        json.put("slug", summary.slug());
        json.put("name", summary.name());
        json.put("dateCreated", summary.dateCreated());
        json.put("status", summary.status());
        json.put("avatar", summary.avatar());
        json.put("isEarlyAdopter", false);
        json.put("require2FA", false);
        json.put("isAcceptingEvents", true);
        json.put("openMembership", true);
        json.put("role", membership.role().id());
        json.put("orgRole", membership.role().id());
        json.put("access", Scope.values(Scope.all().stream().filter(membership::can).toList()));
        for (OrganizationDetailPart part : parts) {
            json.put(part.name(), part.describe(membership));
        }
        return json;
    }
}
