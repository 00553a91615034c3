package dev.faultline.support;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Empties every table of the context's database before each test, so tests do not see each other's data. */
public class ResetDatabase implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
        List<String> tables = jdbc.sql("""
                        SELECT quote_ident(tablename) FROM pg_tables
                        WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
                        ORDER BY tablename <> 'intake', tablename""")
                .query(String.class).list();
        if (tables.isEmpty()) {
            return;
        }
        // Digest runs in the background. Every digest and ingest transaction starts with the intake, so taking it
        // first makes TRUNCATE wait for those in flight and hold off new ones; a deadlock is retried all the same.
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE").update();
                return;
            }
            catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
