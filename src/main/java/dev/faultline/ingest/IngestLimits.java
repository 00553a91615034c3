package dev.faultline.ingest;

/**
 * How much ingest accepts, with relay's defaults: a request body of 20 MiB as sent, 100 MiB once decompressed, and
 * 1 MiB for an event, a transaction, a security report or a user's feedback. Attachments meet the envelope's
 * limit and {@link IngestGate}'s 64 MiB of payloads per request.
 */
record IngestLimits(long maxCompressedBytes, long maxDecompressedBytes, long maxEventBytes) {

    static final long MIB = 1024 * 1024;
    static final IngestLimits DEFAULTS = new IngestLimits(20 * MIB, 100 * MIB, MIB);

    long maxItemBytes(String type) {
        return "attachment".equals(type) ? maxDecompressedBytes : maxEventBytes;
    }
}
