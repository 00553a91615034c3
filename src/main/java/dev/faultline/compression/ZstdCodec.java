package dev.faultline.compression;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictDecompress;

/**
 * zstd with one dictionary, or with none, and contexts to reuse. Level 3, zstd's default: with a dictionary it
 * compresses events faster than gzip's fastest level, to less than half the size (docs/benchmarks.md).
 *
 * <p>Each compression context prepares the dictionary itself, with match tables sized for bodies of tens of
 * kilobytes (32K and 16K entries): a dictionary prepared once for all contexts gets tables for inputs of any size,
 * about 768 KiB, which zstd copies into the context for every body over 16 KiB. Bodies come out the same size
 * (docs/benchmarks.md, step 4). Contexts for compressing are made only while bodies are written with the dictionary,
 * so older dictionaries that only read bodies cost little.
 */
final class ZstdCodec {

    static final int LEVEL = 3;
    private static final int HASH_LOG = 15;
    private static final int CHAIN_LOG = 14;

    private final ContextPool<ZstdCompressCtx> compressors;
    private final ContextPool<ZstdDecompressCtx> decompressors;

    private ZstdCodec(byte[] dictionary) {
        this.compressors = new ContextPool<>(() -> {
            var context = new ZstdCompressCtx().setLevel(LEVEL);
            return dictionary == null ? context
                    : context.setHashLog(HASH_LOG).setChainLog(CHAIN_LOG).loadDict(dictionary);
        });
        ZstdDictDecompress forDecompression = dictionary == null ? null : new ZstdDictDecompress(dictionary);
        this.decompressors = new ContextPool<>(() -> {
            var context = new ZstdDecompressCtx();
            return forDecompression == null ? context : context.loadDict(forDecompression);
        });
    }

    static ZstdCodec withoutDictionary() {
        return new ZstdCodec(null);
    }

    static ZstdCodec of(byte[] dictionary) {
        return new ZstdCodec(dictionary);
    }

    byte[] compress(byte[] data) {
        return compressors.use(context -> context.compress(data));
    }

    byte[] decompress(byte[] frame, int size) {
        return decompressors.use(context -> context.decompress(frame, size));
    }

    /** No longer the codec new bodies are written with; it still reads the bodies it wrote. */
    void retire() {
        compressors.close();
    }
}
