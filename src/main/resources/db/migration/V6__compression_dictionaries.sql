-- Dictionaries for zstd, trained from this installation's own events: with one, an event body compresses to about
-- half of what it does without (the keys, frames and contexts that events share are in the dictionary, not in each
-- body). A body names its dictionary in its zstd frame header, so a dictionary is never changed once stored, and a
-- newer one does not rewrite older bodies. Ids start at 32768: zstd keeps lower ids for registered dictionaries.
CREATE SEQUENCE compression_dictionary_ids AS integer START 32768;

CREATE TABLE compression_dictionaries (
    id          integer     PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    samples     integer     NOT NULL,
    dictionary  bytea       NOT NULL
);
