package dev.faultline.compression;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;

/**
 * zstd with one dictionary, or with none: the dictionary prepared for each direction, and contexts to reuse.
 * Level 3, zstd's default: with a dictionary it compresses events faster than gzip's fastest level, to less than half
 * the size (docs/benchmarks.md). A dictionary is prepared for compression (about a megabyte of tables) only when
 * bodies are written with it, so older dictionaries that only read bodies cost little.
 */
final class ZstdCodec {

    static final int LEVEL = 3;

    private final byte[] dictionary;
    private final ContextPool<ZstdCompressCtx> compressors;
    private final ContextPool<ZstdDecompressCtx> decompressors;
    private ZstdDictCompress forCompression;

    private ZstdCodec(byte[] dictionary) {
        this.dictionary = dictionary;
        this.compressors = new ContextPool<>(() -> {
            var context = new ZstdCompressCtx().setLevel(LEVEL);
            return dictionary == null ? context : context.loadDict(forCompression());
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

    private synchronized ZstdDictCompress forCompression() {
        if (forCompression == null) {
            forCompression = new ZstdDictCompress(dictionary, LEVEL);
        }
        return forCompression;
    }
}
