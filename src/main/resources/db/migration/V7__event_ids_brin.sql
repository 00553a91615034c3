-- Seen event ids are written in about the order they are received, and read by time only to delete those past a
-- week: a block range index serves that in a few pages, where a B-tree took 20 bytes and an index insert per event.
DROP INDEX event_ids_received_at;
CREATE INDEX event_ids_received_at ON event_ids USING brin (received_at);
