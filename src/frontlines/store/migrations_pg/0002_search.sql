-- Place and word search for the bbox/near/text event filters and DocumentFilter.query.
-- PostGIS must be available on the server (Debian: postgresql-NN-postgis-3); if the extension already exists
-- (created by an administrator), this is a no-op and needs no extra privilege.
CREATE EXTENSION IF NOT EXISTS postgis;

-- The event's point on the sphere, from longitude/latitude; NULL without coordinates or with impossible ones.
ALTER TABLE events ADD COLUMN geog geography(Point, 4326) GENERATED ALWAYS AS (
    CASE
        WHEN longitude BETWEEN -180 AND 180 AND latitude BETWEEN -90 AND 90
        THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography
    END
) STORED;
-- near: ST_DWithin on geography. bbox: boxes are in plain degrees, so they use the geometry view of the point.
CREATE INDEX events_geog ON events USING gist (geog);
CREATE INDEX events_geom ON events USING gist ((geog::geometry));

-- Words of the document text, unstemmed ('simple'): the same whole-word, case-insensitive matching as the SQLite
-- FTS5 table. Every run of other characters becomes a space first, so words split as FTS5 splits them
-- (the PostgreSQL parser alone keeps '-03', '1.5', 'e-mail', 'x.org/a' as tokens). The text is cut at 500,000
-- characters to stay under PostgreSQL's 1 MB tsvector limit.
ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, regexp_replace(left(text, 500000), '[^[:alnum:]]+', ' ', 'g'))
) STORED;
CREATE INDEX documents_tsv ON documents USING gin (tsv);
