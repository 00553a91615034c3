package dev.faultline.compression;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.Zstd;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Compresses what Faultline stores as bytes (event and transaction bodies, intake payloads) with zstd and the
 * installation's newest dictionary, and reads any body back: each names its dictionary in its zstd frame header, and
 * bodies from before dictionaries (gzip) are still read. The newest dictionary is looked up on first use, older ones
 * when a body names them.
 */
@Component
public class BodyCompression {

    private static final int LARGEST_BODY = Integer.MAX_VALUE - 8;
    /** What a zstd frame names when it was compressed without a dictionary. */
    private static final int NO_DICTIONARY = 0;

    private final CompressionDictionaries dictionaries;
    private final DictionaryTraining.Bounds trainingBounds;
    private final Clock clock;
    private final Map<Integer, ZstdCodec> codecs = new ConcurrentHashMap<>();
    private volatile ZstdCodec newest;
    private volatile DictionaryTraining training;

    @Autowired
    BodyCompression(CompressionDictionaries dictionaries) {
        this(dictionaries, DictionaryTraining.Bounds.DEFAULT, Clock.systemUTC());
    }

    BodyCompression(CompressionDictionaries dictionaries, DictionaryTraining.Bounds trainingBounds, Clock clock) {
        this.dictionaries = dictionaries;
        this.trainingBounds = trainingBounds;
        this.clock = clock;
        codecs.put(NO_DICTIONARY, ZstdCodec.withoutDictionary());
    }

    /** A body to keep: compressed with the newest dictionary, and offered as a sample for the next one. */
    public byte[] compressBody(byte[] body) {
        ZstdCodec codec = newest();
        training.offer(body);
        return codec.compress(body);
    }

    /** A payload on its way to digest: compressed with the newest dictionary; not a sample, as it is not normalized. */
    public byte[] compressPayload(byte[] payload) {
        return newest().compress(payload);
    }

    public byte[] decompress(byte[] stored) {
        if (stored.length > 2 && stored[0] == (byte) 0x1f && stored[1] == (byte) 0x8b) {
            return gunzip(stored);
        }
        long size = Zstd.getFrameContentSize(stored);
        if (size < 0 || size > LARGEST_BODY) {
            throw new IllegalArgumentException("Not a body compressed by Faultline (" + stored.length + " bytes)");
        }
        return codec((int) Zstd.getDictIdFromFrame(stored)).decompress(stored, (int) size);
    }

    private ZstdCodec newest() {
        ZstdCodec codec = newest;
        return codec != null ? codec : loadNewest();
    }

    private synchronized ZstdCodec loadNewest() {
        if (newest == null) {
            var stored = dictionaries.newest();
            training = new DictionaryTraining(trainingBounds, dictionaries,
                    stored.map(CompressionDictionaries.Stored::createdAt).orElse(null), this::use, clock);
            newest = stored.map(this::remember).orElse(codecs.get(NO_DICTIONARY));
        }
        return newest;
    }

    private synchronized void use(CompressionDictionaries.Stored trained) {
        ZstdCodec previous = newest;
        newest = remember(trained);
        previous.retire();
    }

    private ZstdCodec remember(CompressionDictionaries.Stored stored) {
        return codecs.computeIfAbsent(stored.id(), id -> ZstdCodec.of(stored.dictionary()));
    }

    private ZstdCodec codec(int dictionaryId) {
        ZstdCodec known = codecs.get(dictionaryId);
        if (known != null) {
            return known;
        }
        byte[] dictionary = dictionaries.find(dictionaryId).orElseThrow(() -> new IllegalStateException(
                "A body names compression dictionary " + dictionaryId + ", which is not stored"));
        return codecs.computeIfAbsent(dictionaryId, id -> ZstdCodec.of(dictionary));
    }

    private static byte[] gunzip(byte[] data) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
