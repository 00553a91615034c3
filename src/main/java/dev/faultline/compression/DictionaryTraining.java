package dev.faultline.compression;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.github.luben.zstd.Zstd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the installation's dictionary from the bodies digest stores: the first once enough of them have been
 * offered, a new one every 30 days while events come, so that the dictionary follows what the installation
 * receives. The samples are held in memory only while they are gathered (at most {@link Bounds#bytes()}), and the
 * training, half a second of one core, runs on a thread of its own.
 */
final class DictionaryTraining {

    private static final Logger log = LoggerFactory.getLogger(DictionaryTraining.class);

    /** 64 KiB: on the benchmark's mix as good as zstd's default of 110 KiB, and prepared in half the memory. */
    static final int DICTIONARY_BYTES = 64 * 1024;
    static final Duration RETRAIN_AFTER = Duration.ofDays(30);
    private static final Duration AFTER_FAILURE = Duration.ofHours(1);

    /**
     * When a training starts: at {@code samples} bodies or {@code bytes} of them, whichever comes first; a body larger
     * than {@code largestSample} is not taken (it would crowd out the common ones).
     */
    record Bounds(int samples, int bytes, int largestSample) {
        static final Bounds DEFAULT = new Bounds(1_000, 8 * 1024 * 1024, 128 * 1024);
    }

    private final Bounds bounds;
    private final CompressionDictionaries dictionaries;
    private final Consumer<CompressionDictionaries.Stored> trained;
    private final Clock clock;
    private final List<byte[]> samples = new ArrayList<>();
    private long sampleBytes;
    /** Epoch millis from which bodies are gathered; {@code Long.MAX_VALUE} while a training runs. */
    private volatile long gatherFrom;

    DictionaryTraining(Bounds bounds, CompressionDictionaries dictionaries, Instant newestDictionary,
            Consumer<CompressionDictionaries.Stored> trained, Clock clock) {
        this.bounds = bounds;
        this.dictionaries = dictionaries;
        this.trained = trained;
        this.clock = clock;
        this.gatherFrom = newestDictionary == null ? 0 : newestDictionary.plus(RETRAIN_AFTER).toEpochMilli();
    }

    void offer(byte[] body) {
        if (clock.millis() < gatherFrom || body.length > bounds.largestSample()) {
            return;
        }
        List<byte[]> gathered;
        synchronized (this) {
            if (clock.millis() < gatherFrom) {
                return;
            }
            samples.add(body);
            sampleBytes += body.length;
            if (samples.size() < bounds.samples() && sampleBytes < bounds.bytes()) {
                return;
            }
            gathered = List.copyOf(samples);
            samples.clear();
            sampleBytes = 0;
            gatherFrom = Long.MAX_VALUE;
        }
        Thread.ofPlatform().daemon().name("dictionary-training").start(() -> train(gathered));
    }

    private void train(List<byte[]> gathered) {
        try {
            byte[] buffer = new byte[DICTIONARY_BYTES];
            long size = Zstd.trainFromBuffer(gathered.toArray(byte[][]::new), buffer, false, ZstdCodec.LEVEL);
            var stored = dictionaries.add(Arrays.copyOf(buffer, (int) size), gathered.size());
            trained.accept(stored);
            gatherFrom = stored.createdAt().plus(RETRAIN_AFTER).toEpochMilli();
            log.info("Trained compression dictionary {} from {} event bodies", stored.id(), gathered.size());
        }
        catch (RuntimeException e) {
            gatherFrom = clock.instant().plus(AFTER_FAILURE).toEpochMilli();
            log.warn("Could not train a compression dictionary from {} event bodies; trying again in {}",
                    gathered.size(), AFTER_FAILURE, e);
        }
    }
}
