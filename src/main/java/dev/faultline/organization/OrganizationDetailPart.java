package dev.faultline.organization;

/**
 * A part of an organization's API detail that another feature provides (its projects, its teams), so this feature
 * need not depend on those that depend on it.
 */
public interface OrganizationDetailPart {

    /** The JSON property, for example {@code projects}. */
    String name();

    /** The value shown to this member, JSON-ready. */
    Object describe(Membership membership);
}
