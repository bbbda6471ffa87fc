-- One incident, many reports (frontlines.dedup): documents' near-duplicate fingerprints, events waiting for or
-- placed in an incident, and each incident's cached summary (recomputed whenever a member joins or incidents merge).

-- One row per stored document with events: its MinHash signature (NULL without text), written by save(); origin_doc_id (its
-- near-duplicate cluster) and merged_seq (the order documents were merged in) are set when its events are merged.
CREATE TABLE doc_fingerprints (
    doc_id TEXT PRIMARY KEY,
    signature BLOB,
    shingles INTEGER NOT NULL DEFAULT 0,
    saved_at TEXT NOT NULL,
    origin_doc_id TEXT,
    merged_seq INTEGER
);
CREATE UNIQUE INDEX doc_fingerprints_merged ON doc_fingerprints (merged_seq);
CREATE INDEX doc_fingerprints_pending ON doc_fingerprints (saved_at) WHERE merged_seq IS NULL;

-- One row per stored event: incident_id is NULL until merged (a run stopped before merging leaves it NULL and
-- the next run merges it). The date range and point are the columns candidate lookup filters on; member is the
-- pickled (Event, DocMeta) the matcher compares.
CREATE TABLE incident_events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    incident_id TEXT,
    origin_doc_id TEXT,
    score REAL NOT NULL DEFAULT 1.0,
    date_start TEXT,
    date_end TEXT,
    lat REAL,
    lon REAL,
    member BLOB NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events (incident_id);
CREATE INDEX incident_events_pending ON incident_events (doc_id) WHERE incident_id IS NULL;
CREATE INDEX incident_events_dates ON incident_events (date_start, date_end);
CREATE INDEX incident_events_origin ON incident_events (origin_doc_id);

-- One row per incident: summary is frontlines.dedup.Incident.to_dict() as JSON; created numbers incidents in the
-- order they were opened.
CREATE TABLE incidents (
    incident_id TEXT PRIMARY KEY,
    created INTEGER NOT NULL,
    first_report TEXT,
    last_report TEXT,
    date_start TEXT,
    sources_count INTEGER NOT NULL,
    reports_count INTEGER NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX incidents_created ON incidents (created);
