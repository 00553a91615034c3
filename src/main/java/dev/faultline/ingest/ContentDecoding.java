package dev.faultline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import io.airlift.compress.zstd.ZstdInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes {@code Content-Encoding} as a stream: gzip, deflate (zlib-wrapped or raw, as clients disagree on which
 * "deflate" means), br and zstd. An empty encoding, {@code identity} and the {@code UTF-8} some clients send are
 * no encoding at all.
 */
final class ContentDecoding {

    private ContentDecoding() {
    }

    static InputStream decode(InputStream raw, String contentEncoding) throws IOException {
        InputStream stream = raw;
        if (contentEncoding == null) {
            return stream;
        }
        String[] encodings = contentEncoding.split(",");
        // Encodings are listed in the order they were applied; undo them from the last.
        for (int i = encodings.length - 1; i >= 0; i--) {
            stream = decodeOne(stream, encodings[i].strip().toLowerCase(Locale.ROOT));
        }
        return stream;
    }

    private static InputStream decodeOne(InputStream in, String encoding) throws IOException {
        return switch (encoding) {
            case "", "identity", "utf-8", "utf8" -> in;
            case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
            case "deflate" -> inflate(in);
            case "br" -> new BrotliInputStream(in);
            case "zstd" -> new ZstdInputStream(in);
            default -> throw IngestException.unsupportedEncoding("Content-Encoding '" + encoding
                    + "' is not supported; use gzip, deflate, br or zstd");
        };
    }

    /** A zlib stream starts with a header whose two bytes, read as a number, are a multiple of 31. */
    private static InputStream inflate(InputStream in) throws IOException {
        var buffered = new BufferedInputStream(in, 8192);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean zlib = first != -1 && second != -1 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
        var inflater = new Inflater(!zlib);
        return new InflaterInputStream(buffered, inflater, 8192) {
            @Override
            public void close() throws IOException {
                super.close();
                inflater.end();
            }
        };
    }
}
