-- An event's tags as one text of key=value lines instead of an array: each element of a text[] carries a header and
-- alignment, 456 bytes for the 19 tags of a typical error against 349 as lines. Tag keys and values never hold a
-- line break or, for keys, an equals sign (normalization drops them), so the lines split back unambiguously.
ALTER TABLE events ALTER COLUMN tags TYPE text USING array_to_string(tags, E'\n');
