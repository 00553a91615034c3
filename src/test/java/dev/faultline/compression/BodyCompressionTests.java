package dev.faultline.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import dev.faultline.support.Eventually;
import dev.faultline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BodyCompressionTests {

    private static final DictionaryTraining.Bounds FIFTY_SAMPLES =
            new DictionaryTraining.Bounds(50, 8 * 1024 * 1024, 128 * 1024);

    @Autowired
    CompressionDictionaries dictionaries;

    @Autowired
    JdbcClient jdbc;

    private final MovableClock clock = new MovableClock();

    @Test
    void aBodyComesBackAsItWasWrittenWithoutADictionaryAtFirst() {
        var compression = new BodyCompression(dictionaries, FIFTY_SAMPLES, clock);
        byte[] body = event(1);

        byte[] stored = compression.compressBody(body);

        assertThat(Zstd.getDictIdFromFrame(stored)).isZero();
        assertThat(stored.length).isLessThan(body.length / 3);
        assertThat(compression.decompress(stored)).isEqualTo(body);
        assertThat(compression.decompress(compression.compressPayload(body))).isEqualTo(body);
    }

    @Test
    void bodiesStoredAsGzipBeforeDictionariesAreStillRead() throws IOException {
        byte[] body = event(2);
        var gzip = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gzip)) {
            out.write(body);
        }

        assertThat(new BodyCompression(dictionaries).decompress(gzip.toByteArray())).isEqualTo(body);
    }

    @Test
    void enoughBodiesTrainADictionaryThatLaterBodiesAreWrittenWithAndThatAnotherInstanceReads() {
        var compression = new BodyCompression(dictionaries, FIFTY_SAMPLES, clock);
        byte[] before = compression.compressBody(event(0));

        IntStream.range(1, 50).forEach(i -> compression.compressBody(event(i)));
        int id = awaitDictionaries(1).getFirst();
        byte[] body = event(1000);
        byte[] after = compression.compressBody(body);

        assertThat(id).isGreaterThanOrEqualTo(32768);
        assertThat(Zstd.getDictIdFromFrame(after)).isEqualTo(id);
        assertThat(after.length).isLessThan(compression.decompress(before).length / 10)
                .isLessThan(Zstd.compress(body, ZstdCodec.LEVEL).length * 3 / 4);
        var restarted = new BodyCompression(dictionaries, FIFTY_SAMPLES, clock);
        assertThat(restarted.decompress(after)).isEqualTo(body);
        assertThat(restarted.decompress(before)).isEqualTo(event(0));
        assertThat(Zstd.getDictIdFromFrame(restarted.compressBody(body))).isEqualTo(id);
    }

    @Test
    void aNewDictionaryIsTrainedAfterThirtyDaysAndBodiesOfTheOldOneStayReadable() {
        var compression = new BodyCompression(dictionaries, FIFTY_SAMPLES, clock);
        IntStream.range(0, 50).forEach(i -> compression.compressBody(event(i)));
        int first = awaitDictionaries(1).getFirst();
        byte[] old = compression.compressBody(event(100));

        clock.advance(Duration.ofDays(29));
        IntStream.range(0, 60).forEach(i -> compression.compressBody(event(i)));
        assertThat(storedDictionaries()).containsExactly(first);
        clock.advance(Duration.ofDays(2));
        IntStream.range(0, 50).forEach(i -> compression.compressBody(event(200 + i)));
        int second = awaitDictionaries(2).getLast();

        assertThat(Zstd.getDictIdFromFrame(compression.compressBody(event(300)))).isEqualTo(second);
        assertThat(compression.decompress(old)).isEqualTo(event(100));
    }

    @Test
    void samplesZstdCannotTrainOnLeaveBodiesWithoutADictionaryAndTrainingIsTriedAgainAnHourLater() {
        var compression = new BodyCompression(dictionaries, new DictionaryTraining.Bounds(40, 64 * 1024, 1 << 20),
                clock);
        var random = new Random(7);
        IntStream.range(0, 4).forEach(i -> {
            byte[] noise = new byte[16 * 1024];
            random.nextBytes(noise);
            compression.compressBody(noise);
        });
        Eventually.await(BodyCompressionTests::trainingThreads, count -> count == 0, Duration.ofSeconds(10));

        clock.advance(Duration.ofMinutes(59));
        IntStream.range(0, 40).forEach(i -> compression.compressBody(logMessage(i)));
        assertThat(trainingThreads()).isZero();
        assertThat(storedDictionaries()).isEmpty();
        assertThat(Zstd.getDictIdFromFrame(compression.compressBody(logMessage(40)))).isZero();
        clock.advance(Duration.ofMinutes(2));
        IntStream.range(0, 40).forEach(i -> compression.compressBody(logMessage(i)));

        int id = awaitDictionaries(1).getFirst();
        assertThat(Zstd.getDictIdFromFrame(compression.compressBody(logMessage(40)))).isEqualTo(id);
    }

    @Test
    void aBodyThatIsNotOneOfOursIsRefusedWithAClearError() {
        var compression = new BodyCompression(dictionaries);
        byte[] namesAnUnknownDictionary = Zstd.compressUsingDict(event(1), trainedElsewhere(), ZstdCodec.LEVEL);

        assertThatThrownBy(() -> compression.decompress("{\"not\":\"compressed\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a body compressed by Faultline");
        assertThatThrownBy(() -> compression.decompress(namesAnUnknownDictionary))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("which is not stored");
    }

    /** Once stored, and handed to the compressor: the training thread stores a dictionary first, then hands it over. */
    private List<Integer> awaitDictionaries(int count) {
        List<Integer> ids = Eventually.await(this::storedDictionaries, stored -> stored.size() == count,
                Duration.ofSeconds(20));
        Eventually.await(BodyCompressionTests::trainingThreads, threads -> threads == 0, Duration.ofSeconds(10));
        return ids;
    }

    private static long trainingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("dictionary-training")).count();
    }

    private List<Integer> storedDictionaries() {
        return jdbc.sql("SELECT id FROM compression_dictionaries ORDER BY id").query(Integer.class).list();
    }

    private static byte[] trainedElsewhere() {
        byte[][] samples = IntStream.range(0, 50).mapToObj(BodyCompressionTests::event).toArray(byte[][]::new);
        byte[] dictionary = new byte[16 * 1024];
        return Arrays.copyOf(dictionary, (int) Zstd.trainFromBuffer(samples, dictionary, false, ZstdCodec.LEVEL));
    }

    /** An error event much like an SDK's, different in its ids, numbers and some frames. */
    static byte[] event(int n) {
        var frames = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            frames.append(i == 0 ? "" : ",").append("""
                    {"function":"handle%d","module":"com.example.shop.%s.Handler","filename":"Handler.java",\
                    "lineno":%d,"in_app":%b}""".formatted(i % 7, n % 2 == 0 ? "order" : "payment", 10 + (n * i) % 400,
                    i % 3 == 0));
        }
        var breadcrumbs = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            breadcrumbs.append(i == 0 ? "" : ",").append("""
                    {"timestamp":%d.5,"category":"http","message":"GET /api/items/%d","level":"info"}"""
                    .formatted(1_764_000_000 + n * 20 + i, n * 31 + i));
        }
        return """
                {"event_id":"%032x","timestamp":%d,"platform":"java","level":"error","release":"shop@2.%d.0",\
                "environment":"production","server_name":"web-%d","tags":[["region","eu-west-1"],["shard","%d"]],\
                "exception":{"values":[{"type":"IllegalStateException","value":"order %d failed",\
                "stacktrace":{"frames":[%s]}}]},"breadcrumbs":{"values":[%s]},\
                "contexts":{"os":{"name":"Linux","version":"6.1.0-27-amd64"},\
                "runtime":{"name":"OpenJDK","version":"21.0.5"}},\
                "user":{"id":"%d"}}""".formatted(n, 1_764_000_000 + n, n % 4, n % 12, n % 4, n * 7919, frames,
                breadcrumbs, n * 13).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] logMessage(int n) {
        return """
                {"event_id":"%032x","timestamp":%d,"platform":"python","level":"warning","logger":"shop.payments",\
                "logentry":{"message":"Payment %%s declined for order %%s","params":["%d","%d"]},\
                "tags":[["region","eu-west-1"]],"user":{"id":"%d"}}""".formatted(n, 1_764_000_000 + n, n * 31, n * 7,
                n * 13).getBytes(StandardCharsets.UTF_8);
    }

    /** A clock that tests move forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
