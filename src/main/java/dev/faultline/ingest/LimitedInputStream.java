package dev.faultline.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Lets at most {@code limit} bytes through and fails on the next one, so a body too large (or a decompression bomb)
 * is stopped while it streams, never buffered whole.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<IngestException> tooMuch;
    private long count;

    LimitedInputStream(InputStream in, long limit, Supplier<IngestException> tooMuch) {
        super(in);
        this.limit = limit;
        this.tooMuch = tooMuch;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        count += n;
        if (count > limit) {
            throw tooMuch.get();
        }
    }
}
