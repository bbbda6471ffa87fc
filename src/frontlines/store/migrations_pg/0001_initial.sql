-- The first PostgreSQL schema: the SQLite schema of migrations/0001 and 0002 in PostgreSQL types.
-- Every column an export filters on is a real column; `json` holds the full serialized record (frontlines.serialize)
-- as text, so records come back with their keys in the order they were written.
-- Dates and timestamps are ISO text compared byte-wise (COLLATE "C"), exactly as in SQLite.

CREATE TABLE documents (
    id BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,  -- storage order, like SQLite's rowid
    doc_id TEXT PRIMARY KEY,
    external_id TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    source_path TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT COLLATE "C",
    language TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    discard_reason TEXT,
    discard_detail TEXT,
    processed_at TEXT COLLATE "C" NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX documents_external_id ON documents (external_id);
CREATE INDEX documents_discard_reason ON documents (discard_reason);
CREATE INDEX documents_processed_at ON documents (processed_at);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_date TEXT COLLATE "C",
    event_date_end TEXT COLLATE "C",
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
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    geo_precision INTEGER,
    geonameid BIGINT,
    fatalities INTEGER,
    wounded INTEGER,
    confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
    json TEXT NOT NULL,
    external_id TEXT NOT NULL DEFAULT '',
    inter1 INTEGER,
    inter2 INTEGER,
    iso INTEGER,
    source TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    deaths_a INTEGER,
    deaths_b INTEGER,
    deaths_civilians INTEGER,
    deaths_unknown INTEGER,
    low INTEGER,
    best INTEGER,
    high INTEGER
);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX events_event_date ON events (event_date);
CREATE INDEX events_country ON events (lower(country));
CREATE INDEX events_sub_event_type ON events (sub_event_type);
CREATE INDEX events_external_id ON events (external_id);

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
    geonameid BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT ''
);

CREATE TABLE doc_places (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    geonameid BIGINT NOT NULL REFERENCES places (geonameid),
    score DOUBLE PRECISION NOT NULL
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
