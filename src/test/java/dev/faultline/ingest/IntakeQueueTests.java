package dev.faultline.ingest;

import java.util.Comparator;
import java.util.List;

import dev.faultline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims as digest makes them, on rows only this transaction sees (so the running workers cannot take them). */
@IntegrationTest
class IntakeQueueTests {

    @Autowired
    IntakeQueue intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aClaimStopsAtItsRowLimitOrOnceItsPayloadsPassTheByteBound() {
        assertThat(claimedSizes(10, 1_000_000)).containsExactly(1000, 1000, 3000, 1000);
        assertThat(claimedSizes(3, 1_000_000)).containsExactly(1000, 1000, 3000);
        assertThat(claimedSizes(10, 2000)).containsExactly(1000, 1000);
        assertThat(claimedSizes(10, 2001)).containsExactly(1000, 1000, 3000);
        assertThat(claimedSizes(10, 1)).containsExactly(1000);
    }

    /** Claims from four new rows of 1,000, 1,000, 3,000 and 1,000 bytes (in id order), then rolls everything back. */
    private List<Integer> claimedSizes(int limit, long maxBytes) {
        return transaction.execute(status -> {
            for (int size : new int[] {1000, 1000, 3000, 1000}) {
                jdbc.sql("""
                                INSERT INTO intake (project_id, kind, event_id, received_at, payload)
                                VALUES (1, 1, gen_random_uuid(), now(), ?)""")
                        .param(new byte[size]).update();
            }
            List<Integer> sizes = intake.claim(limit, maxBytes).stream()
                    .sorted(Comparator.comparingLong(IntakeRow::id)).map(row -> row.payload().length).toList();
            status.setRollbackOnly();
            return sizes;
        });
    }
}
