-- The rest of the exported event fields as columns, so every exported value can be filtered and sorted in SQL.

ALTER TABLE events ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN inter1 INTEGER;
ALTER TABLE events ADD COLUMN inter2 INTEGER;
ALTER TABLE events ADD COLUMN iso INTEGER;
ALTER TABLE events ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN deaths_a INTEGER;
ALTER TABLE events ADD COLUMN deaths_b INTEGER;
ALTER TABLE events ADD COLUMN deaths_civilians INTEGER;
ALTER TABLE events ADD COLUMN deaths_unknown INTEGER;
ALTER TABLE events ADD COLUMN low INTEGER;
ALTER TABLE events ADD COLUMN best INTEGER;
ALTER TABLE events ADD COLUMN high INTEGER;

-- Rows stored before this migration: copy the values out of the JSON record.
UPDATE events SET
    external_id = coalesce(json_extract(json, '$.external_id'), ''),
    inter1 = json_extract(json, '$.inter1'),
    inter2 = json_extract(json, '$.inter2'),
    iso = json_extract(json, '$.iso'),
    source = coalesce(json_extract(json, '$.source'), ''),
    notes = coalesce(json_extract(json, '$.notes'), ''),
    deaths_a = json_extract(json, '$.deaths_a'),
    deaths_b = json_extract(json, '$.deaths_b'),
    deaths_civilians = json_extract(json, '$.deaths_civilians'),
    deaths_unknown = json_extract(json, '$.deaths_unknown'),
    low = json_extract(json, '$.low'),
    best = json_extract(json, '$.best'),
    high = json_extract(json, '$.high');

CREATE INDEX events_external_id ON events (external_id);
