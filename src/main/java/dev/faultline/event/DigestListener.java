package dev.faultline.event;

import java.util.List;

/**
 * Told, inside the digest's transaction, which issues a batch of events touched, so that what it records commits
 * with the events. Alerts listen; the event feature does not know them.
 */
public interface DigestListener {

    /** An issue's events of one batch in one environment: their highest level, and what they did to the issue. */
    record Seen(long projectId, long issueId, String environment, int maxLevel, boolean created,
            boolean regressed) {
    }

    void digested(List<Seen> seen);
}
