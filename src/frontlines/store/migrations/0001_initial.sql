-- The first schema: documents with their events, actors, places, evidence, quotes and claims.
-- Every column an export filters on is a real column; `json` holds the full serialized record (frontlines.serialize).

CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    external_id TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    source_path TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    language TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    discard_reason TEXT,
    discard_detail TEXT,
    processed_at TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX documents_external_id ON documents (external_id);
CREATE INDEX documents_discard_reason ON documents (discard_reason);
CREATE INDEX documents_processed_at ON documents (processed_at);

-- Full-text search over the cleaned text; rows are written by the store next to each document row.
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content='documents', content_rowid='rowid');

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_date TEXT,
    event_date_end TEXT,
    time_precision INTEGER,
    disorder_type TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL DEFAULT '',
    sub_event_type TEXT NOT NULL DEFAULT '',
    actor1 TEXT NOT NULL DEFAULT '',
    actor1_id TEXT,
    actor2 TEXT NOT NULL DEFAULT '',
    actor2_id TEXT,
    interaction INTEGER,
    country TEXT,
    country_code TEXT,
    admin1 TEXT,
    admin2 TEXT,
    location TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER,
    geonameid INTEGER,
    fatalities INTEGER,
    wounded INTEGER,
    confidence REAL NOT NULL DEFAULT 0,
    json TEXT NOT NULL
);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX events_event_date ON events (event_date);
CREATE INDEX events_country ON events (country COLLATE NOCASE);
CREATE INDEX events_sub_event_type ON events (sub_event_type);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    parent TEXT NOT NULL DEFAULT ''
);

-- role: actor1, actor2, assoc_actor_1, assoc_actor_2
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor_id ON event_actors (actor_id);

CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT ''
);

CREATE TABLE doc_places (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    geonameid INTEGER NOT NULL REFERENCES places (geonameid),
    score REAL NOT NULL
);
CREATE INDEX doc_places_doc_id ON doc_places (doc_id);
CREATE INDEX doc_places_geonameid ON doc_places (geonameid);

CREATE TABLE evidence (
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX evidence_event_id ON evidence (event_id);

CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE claims (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    modality TEXT NOT NULL,
    cue TEXT NOT NULL DEFAULT '',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
