package dev.faultline.event;

import java.util.List;

import javax.sql.DataSource;

import dev.faultline.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before version 8 kept their tags as an array; the migration turns them into lines. */
class TagLinesMigrationTests {

    @Test
    void storedTagArraysBecomeLinesThatSplitBackIntoTheSameTags() {
        DataSource dataSource = TestDatabase.createDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("7").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO events (project_id, event_id, issue_id, received_at, occurred_at, level, hash, tags, body)
                VALUES (1, gen_random_uuid(), 1, now(), now(), 4, 'tagged',
                        ARRAY['plan=pro', 'url=https://a.example/?q=1'], ''),
                       (1, gen_random_uuid(), 2, now(), now(), 4, 'untagged', '{}', '')""").update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        String tagged = jdbc.sql("SELECT tags FROM events WHERE hash = 'tagged'").query(String.class).single();
        String untagged = jdbc.sql("SELECT tags FROM events WHERE hash = 'untagged'").query(String.class).single();
        assertThat(tagged).isEqualTo("plan=pro\nurl=https://a.example/?q=1");
        assertThat(TagLines.split(tagged)).containsExactly("plan=pro", "url=https://a.example/?q=1");
        assertThat(TagLines.split(untagged)).isEmpty();
        assertThat(TagLines.join(List.of(new String[] {"plan", "pro"}, new String[] {"url", "https://a.example/?q=1"})))
                .isEqualTo(tagged);
    }
}
