package dev.faultline.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class ContextPoolTests {

    /** Stands for a native context: counts how many were made and which were freed. */
    private static final class Context implements Closeable {

        boolean freed;

        @Override
        public void close() {
            freed = true;
        }
    }

    private final List<Context> made = new ArrayList<>();
    private final ContextPool<Context> pool = new ContextPool<>(() -> {
        var context = new Context();
        made.add(context);
        return context;
    });

    @Test
    void aContextIsReusedByTheNextCall() {
        Context first = pool.use(Function.identity());
        Context second = pool.use(Function.identity());

        assertThat(second).isSameAs(first);
        assertThat(made).hasSize(1);
        assertThat(first.freed).isFalse();
    }

    @Test
    void atMostFourIdleContextsAreKeptAndTheRestFreed() {
        holdAtOnce(6);

        assertThat(made).hasSize(6);
        assertThat(made.stream().filter(context -> context.freed)).hasSize(2);
        holdAtOnce(4);
        assertThat(made).as("the four kept serve four calls at once").hasSize(6);
    }

    @Test
    void closingFreesIdleContextsAndThoseInUseWhenTheyComeBack() {
        holdAtOnce(2);
        Context used = pool.use(context -> {
            pool.close();
            assertThat(made.stream().filter(idle -> idle != context)).allMatch(idle -> idle.freed);
            assertThat(context.freed).isFalse();
            return context;
        });

        assertThat(used.freed).isTrue();
        assertThat(made).allMatch(context -> context.freed);
    }

    /** Holds {@code count} contexts at the same time, by nesting the calls. */
    private void holdAtOnce(int count) {
        if (count > 0) {
            pool.use(context -> {
                holdAtOnce(count - 1);
                return context;
            });
        }
    }
}
