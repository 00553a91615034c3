package dev.faultline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Buffered reading of a byte stream by lines and by counts, as envelopes need it, without per-byte calls into the
 * underlying stream.
 */
final class LineInput {

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    LineInput(InputStream in) {
        this.in = in;
    }

    /** The next line without its newline, or null at the end of the stream; longer than {@code max}: 413. */
    byte[] readLine(long max, String what) throws IOException {
        if (!fill()) {
            return null;
        }
        ByteArrayOutputStream longLine = null;
        while (true) {
            int newline = indexOfNewline();
            int end = newline == -1 ? limit : newline;
            int size = (longLine == null ? 0 : longLine.size()) + end - position;
            if (size > max) {
                throw IngestException.tooLarge("The " + what + " is longer than " + max + " bytes");
            }
            if (newline != -1 && longLine == null) {
                byte[] line = Arrays.copyOfRange(buffer, position, newline);
                position = newline + 1;
                return line;
            }
            if (longLine == null) {
                longLine = new ByteArrayOutputStream(Math.max(256, end - position) * 2);
            }
            longLine.write(buffer, position, end - position);
            position = newline == -1 ? limit : newline + 1;
            if (newline != -1 || !fill()) {
                return longLine.toByteArray();
            }
        }
    }

    /** Exactly {@code count} bytes, or fewer when the stream ends first. */
    byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        int copied = 0;
        while (copied < count && fill()) {
            int n = Math.min(count - copied, limit - position);
            System.arraycopy(buffer, position, bytes, copied, n);
            position += n;
            copied += n;
        }
        return copied == count ? bytes : Arrays.copyOf(bytes, copied);
    }

    /** Skips up to {@code count} bytes; returns how many were there. */
    long skip(long count) throws IOException {
        long skipped = 0;
        while (skipped < count && fill()) {
            int n = (int) Math.min(count - skipped, limit - position);
            position += n;
            skipped += n;
        }
        return skipped;
    }

    /** Reads past the rest of the line, holding none of it. */
    void skipLine() throws IOException {
        while (fill()) {
            int newline = indexOfNewline();
            if (newline != -1) {
                position = newline + 1;
                return;
            }
            position = limit;
        }
    }

    /** Reads past one newline if it comes next (payloads with a length may or may not be followed by one). */
    void skipNewline() throws IOException {
        if (fill() && buffer[position] == '\n') {
            position++;
        }
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Makes sure there is at least one unread byte in the buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
