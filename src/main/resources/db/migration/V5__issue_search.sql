-- Free-text search in a table of its own, apart from the issue rows that digest updates on every batch: with a GIN
-- index on issues, each count and last_seen update re-inserted all of the issue's index entries. Trigrams of the
-- lower-cased text find parts of words too (models.py in app/models.py, Foo in com.example.Foo), which a tsvector
-- keeps whole and only found by reading every issue's words.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The issue's first event's culprit, exception types and modules, frame functions, modules and file names,
-- lower-cased: the stack the issue was grouped by, which its events share (their messages and exception values,
-- which vary, are searched in the title). Written when the issue is created, so digest never updates the index.
CREATE TABLE issue_search (
    issue_id  bigint PRIMARY KEY REFERENCES issues ON DELETE CASCADE,
    text      text   NOT NULL
);

-- The vector kept only the distinct words, so existing issues are found by their words (not by phrases that span
-- them) until their next event writes the text again.
INSERT INTO issue_search (issue_id, text)
SELECT id, concat_ws(' ', lower(culprit), array_to_string(tsvector_to_array(search), ' '))
FROM issues;

CREATE INDEX issue_search_text ON issue_search USING gin (text gin_trgm_ops);

DROP INDEX issues_search;
ALTER TABLE issues DROP COLUMN search;
