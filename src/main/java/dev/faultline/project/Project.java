package dev.faultline.project;

import java.time.Instant;

/** A project of an organization: what a DSN sends its events to. */
public record Project(long id, long organizationId, String slug, String name, String platform, Instant createdAt) {
}
