-- Spatial index for the bbox/near event filters: an R*Tree over the events' points, kept in step by triggers.
-- The box is only a prefilter (R*Tree stores 32-bit floats, rounded outwards); queries recheck the exact columns.
-- `event_id` is an auxiliary column (not indexed): the store joins on it from the R*Tree side.
-- (The `text` filter needs no new table: it searches the `text` column of documents_fts from 0001.)

CREATE VIRTUAL TABLE event_points USING rtree (id, min_lon, max_lon, min_lat, max_lat, +event_id TEXT);

INSERT INTO event_points (min_lon, max_lon, min_lat, max_lat, event_id)
    SELECT longitude, longitude, latitude, latitude, event_id FROM events
    WHERE longitude IS NOT NULL AND latitude IS NOT NULL;

CREATE TRIGGER events_point_insert AFTER INSERT ON events
WHEN new.longitude IS NOT NULL AND new.latitude IS NOT NULL
BEGIN
    INSERT INTO event_points (min_lon, max_lon, min_lat, max_lat, event_id)
    VALUES (new.longitude, new.longitude, new.latitude, new.latitude, new.event_id);
END;

CREATE TRIGGER events_point_delete AFTER DELETE ON events
WHEN old.longitude IS NOT NULL AND old.latitude IS NOT NULL
BEGIN
    DELETE FROM event_points WHERE event_id = old.event_id;
END;

CREATE TRIGGER events_point_update AFTER UPDATE OF longitude, latitude, event_id ON events
BEGIN
    DELETE FROM event_points WHERE event_id = old.event_id;
    INSERT INTO event_points (min_lon, max_lon, min_lat, max_lat, event_id)
    SELECT new.longitude, new.longitude, new.latitude, new.latitude, new.event_id
    WHERE new.longitude IS NOT NULL AND new.latitude IS NOT NULL;
END;
