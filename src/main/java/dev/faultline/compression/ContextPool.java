package dev.faultline.compression;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Native zstd contexts kept for the next call: making one costs more than compressing a typical body, and a context
 * serves one thread at a time. Request threads are virtual, so contexts cannot be kept per thread; a few idle ones
 * are kept here, and a context that finds the pool full is freed.
 */
final class ContextPool<C extends Closeable> {

    private static final int MAX_IDLE = 4;

    private final Supplier<C> create;
    private final BlockingQueue<C> idle = new ArrayBlockingQueue<>(MAX_IDLE);
    private volatile boolean closed;

    ContextPool(Supplier<C> create) {
        this.create = create;
    }

    <R> R use(Function<C, R> work) {
        C context = idle.poll();
        if (context == null) {
            context = create.get();
        }
        try {
            return work.apply(context);
        }
        finally {
            release(context);
        }
    }

    /** Frees the idle contexts, and those in use when they come back. */
    void close() {
        closed = true;
        freeIdle();
    }

    private void release(C context) {
        if (closed || !idle.offer(context)) {
            free(context);
        }
        else if (closed) {
            freeIdle();
        }
    }

    private void freeIdle() {
        for (C context = idle.poll(); context != null; context = idle.poll()) {
            free(context);
        }
    }

    private static void free(Closeable context) {
        try {
            context.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
