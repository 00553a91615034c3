package dev.faultline.team;

import java.time.Instant;

/** A group of an organization's members that projects are attached to. */
public record Team(long id, long organizationId, String slug, String name, Instant createdAt, int memberCount) {
}
