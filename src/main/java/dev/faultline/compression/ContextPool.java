package dev.faultline.compression;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Native zstd contexts kept for the next call: making one costs more than compressing a typical body, and a context
 * serves one thread at a time. Request threads are virtual, so contexts cannot be kept per thread; a few idle ones
 * are kept here, and a context that finds the pool full is freed. The pool takes no lock: a virtual thread that
 * parked on one would wait for a carrier again, behind every other request.
 */
final class ContextPool<C extends Closeable> {

    private static final int MAX_IDLE = 4;

    private final Supplier<C> create;
    private final Queue<C> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    ContextPool(Supplier<C> create) {
        this.create = create;
    }

    <R> R use(Function<C, R> work) {
        C context = take();
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

    private C take() {
        C context = idle.poll();
        if (context != null) {
            idleCount.decrementAndGet();
        }
        return context;
    }

    private void release(C context) {
        if (!closed && reserveIdleSlot()) {
            idle.offer(context);
            if (closed) {
                freeIdle();
            }
        }
        else {
            free(context);
        }
    }

    private boolean reserveIdleSlot() {
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            return true;
        }
        idleCount.decrementAndGet();
        return false;
    }

    private void freeIdle() {
        for (C context = take(); context != null; context = take()) {
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
