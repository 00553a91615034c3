package dev.faultline.compression;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;

/**
 * zstd with one dictionary, or with none (id 0): the prepared dictionary in both directions, and contexts to reuse.
 * Level 3, zstd's default: with a dictionary it compresses events faster than gzip's fastest level, to less than half
 * the size (docs/benchmarks.md).
 */
final class ZstdCodec {

    static final int LEVEL = 3;

    private final int dictionaryId;
    private final ContextPool<ZstdCompressCtx> compressors;
    private final ContextPool<ZstdDecompressCtx> decompressors;

    private ZstdCodec(int dictionaryId, ZstdDictCompress forCompression, ZstdDictDecompress forDecompression) {
        this.dictionaryId = dictionaryId;
        this.compressors = new ContextPool<>(() -> {
            var context = new ZstdCompressCtx().setLevel(LEVEL);
            return forCompression == null ? context : context.loadDict(forCompression);
        });
        this.decompressors = new ContextPool<>(() -> {
            var context = new ZstdDecompressCtx();
            return forDecompression == null ? context : context.loadDict(forDecompression);
        });
    }

    static ZstdCodec withoutDictionary() {
        return new ZstdCodec(0, null, null);
    }

    static ZstdCodec of(int dictionaryId, byte[] dictionary) {
        return new ZstdCodec(dictionaryId, new ZstdDictCompress(dictionary, LEVEL), new ZstdDictDecompress(dictionary));
    }

    int dictionaryId() {
        return dictionaryId;
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
