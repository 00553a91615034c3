package dev.faultline.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One envelope POST, prepared once and sent many times, each time with a new event id and the current timestamp.
 *
 * <p>Those two values sit at the end of the event's JSON, so everything before them is encoded once: for a gzip
 * request, compressed up front and flushed to a byte boundary, and the per-send end follows as an uncompressed
 * (stored) deflate block with the gzip trailer, whose CRC continues from the one of the prepared part. The server
 * reads an ordinary gzip body; the generator does no compression while it sends.
 */
final class PreparedRequest {

    enum Kind { ERROR, LARGE_ERROR, LOG_MESSAGE, TRANSACTION, PROBE }

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TIMESTAMP_CHARS = 14; // 1790000000.123, until the year 2286
    private static final int[] CRC_TABLE = crcTable();

    final Kind kind;
    final boolean gzip;
    private final byte[] head;
    private final byte[] bodyStart;
    private final int startCrc;
    private final int startLength;
    private final int suffixLength;

    /**
     * @param eventJson the event without its timestamp and event id: an object left open after a comma
     */
    PreparedRequest(Kind kind, String host, long projectId, String publicKey, String eventJson, boolean gzip) {
        this.kind = kind;
        this.gzip = gzip;
        this.suffixLength = suffix("0".repeat(32), 1_790_000_000_000L).length;
        byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
        String itemType = kind == Kind.TRANSACTION ? "transaction" : "event";
        byte[] start = concat(("{\"sdk\":{\"name\":\"sentry.java\",\"version\":\"8.62.0\"}}\n{\"type\":\"" + itemType
                + "\",\"content_type\":\"application/json\",\"length\":" + (event.length + suffixLength - 1) + "}\n")
                .getBytes(StandardCharsets.UTF_8), event);
        var crc = new CRC32();
        crc.update(start);
        this.startCrc = (int) crc.getValue();
        this.startLength = start.length;
        this.bodyStart = gzip ? concat(GZIP_HEADER, deflatedToByteBoundary(start)) : start;
        int contentLength = bodyStart.length + suffixLength + (gzip ? 5 + 8 : 0);
        this.head = ("POST /api/" + projectId + "/envelope/ HTTP/1.1\r\nHost: " + host + "\r\n"
                + "User-Agent: sentry.java/8.62.0\r\n"
                + "X-Sentry-Auth: Sentry sentry_version=7,sentry_client=sentry.java/8.62.0,sentry_key=" + publicKey + "\r\n"
                + "Content-Type: application/x-sentry-envelope\r\n"
                + (gzip ? "Content-Encoding: gzip\r\n" : "")
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes on the wire, headers included. */
    int wireBytes() {
        return head.length + bodyStart.length + suffixLength + (gzip ? 13 : 0);
    }

    /** The envelope's size before compression. */
    int envelopeBytes() {
        return startLength + suffixLength;
    }

    void writeTo(OutputStream out, String eventId, long nowMillis) throws IOException {
        byte[] suffix = suffix(eventId, nowMillis);
        out.write(head);
        out.write(bodyStart);
        if (gzip) {
            int length = suffix.length;
            out.write(new byte[] {1, (byte) length, (byte) (length >>> 8), (byte) ~length, (byte) (~length >>> 8)});
            out.write(suffix);
            int crc = continueCrc(startCrc, suffix);
            int total = startLength + length;
            out.write(new byte[] {(byte) crc, (byte) (crc >>> 8), (byte) (crc >>> 16), (byte) (crc >>> 24),
                    (byte) total, (byte) (total >>> 8), (byte) (total >>> 16), (byte) (total >>> 24)});
        }
        else {
            out.write(suffix);
        }
    }

    private byte[] suffix(String eventId, long nowMillis) {
        String timestamp = EventBodies.seconds(nowMillis / 1000.0);
        String start = kind == Kind.TRANSACTION
                ? "\"start_timestamp\":" + EventBodies.seconds((nowMillis - 120) / 1000.0) + ","
                : "";
        String suffix = start + "\"timestamp\":" + timestamp + ",\"event_id\":\"" + eventId + "\"}\n";
        if (timestamp.length() != TIMESTAMP_CHARS || eventId.length() != 32) {
            throw new IllegalStateException("timestamp or event id of an unexpected length: " + suffix);
        }
        return suffix.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] deflatedToByteBoundary(byte[] input) {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(input);
        var out = new ByteArrayOutputStream(input.length / 3);
        byte[] buffer = new byte[8192];
        int length;
        do {
            length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, length);
        } while (length == buffer.length || !deflater.needsInput());
        deflater.end();
        return out.toByteArray();
    }

    private static int continueCrc(int crc, byte[] bytes) {
        int c = ~crc;
        for (byte b : bytes) {
            c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
