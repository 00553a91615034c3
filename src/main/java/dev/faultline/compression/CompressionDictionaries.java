package dev.faultline.compression;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored zstd dictionaries; each is written once and kept as long as bodies may name it. */
@Repository
class CompressionDictionaries {

    /** Where a zstd dictionary keeps its id (zstd's format: the magic number, then the id, little-endian). */
    private static final int ID_OFFSET = 4;

    record Stored(int id, Instant createdAt, byte[] dictionary) {
    }

    private final JdbcClient jdbc;

    CompressionDictionaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> newest() {
        return jdbc.sql("SELECT id, created_at, dictionary FROM compression_dictionaries ORDER BY id DESC LIMIT 1")
                .query((rs, row) -> new Stored(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getBytes(3)))
                .optional();
    }

    Optional<byte[]> find(int id) {
        return jdbc.sql("SELECT dictionary FROM compression_dictionaries WHERE id = ?").param(id)
                .query(byte[].class).optional();
    }

    /**
     * Stores a freshly trained dictionary under a new id, written into the dictionary itself first: zstd names a
     * frame's dictionary by that id, and the trainer's own is random, so two could clash.
     */
    Stored add(byte[] trained, int samples) {
        int id = jdbc.sql("SELECT nextval('compression_dictionary_ids')").query(Integer.class).single();
        byte[] dictionary = trained.clone();
        ByteBuffer.wrap(dictionary).order(ByteOrder.LITTLE_ENDIAN).putInt(ID_OFFSET, id);
        Instant createdAt = jdbc.sql("""
                        INSERT INTO compression_dictionaries (id, samples, dictionary) VALUES (?, ?, ?)
                        RETURNING created_at""")
                .params(id, samples, dictionary).query(Timestamp.class).single().toInstant();
        return new Stored(id, createdAt, dictionary);
    }
}
