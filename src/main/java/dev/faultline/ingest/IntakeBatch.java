package dev.faultline.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything one ingest request commits, together with whatever other requests share its group commit. */
record IntakeBatch(List<IntakeRow> rows, List<Attachment> attachments, List<Feedback> feedback) {

    record Attachment(long projectId, UUID eventId, String name, String contentType, String attachmentType,
            Instant receivedAt, byte[] data) {
    }

    record Feedback(long projectId, UUID eventId, String name, String email, String comments, Instant receivedAt) {
    }

    boolean isEmpty() {
        return rows.isEmpty() && attachments.isEmpty() && feedback.isEmpty();
    }

    /** Intake rows alone, which need no transaction to be written with. */
    boolean hasRowsOnly() {
        return attachments.isEmpty() && feedback.isEmpty();
    }

    int rowCount() {
        return rows.size() + attachments.size() + feedback.size();
    }
}
