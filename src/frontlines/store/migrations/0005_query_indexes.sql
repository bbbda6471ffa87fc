-- Indexes for the API's filtered, sorted pages at 100,000+ events. Every event order ends with the event's rowid
-- (events are written document by document, so rowid order is storage order) and each index below is that order,
-- so a page walks an index instead of sorting every matching row with its JSON.

-- sort=event_date (undated last) and sort=-event_date (NULL is smallest, so a descending walk puts undated last).
CREATE INDEX IF NOT EXISTS events_date_order ON events ((event_date IS NULL), event_date);
CREATE INDEX IF NOT EXISTS events_date_desc ON events (event_date DESC);
-- sort=fatalities / sort=-fatalities: unknown counts last, ties by the default event-date order.
CREATE INDEX IF NOT EXISTS events_fatalities_order ON events ((fatalities IS NULL), fatalities, (event_date IS NULL), event_date);
CREATE INDEX IF NOT EXISTS events_fatalities_desc ON events (fatalities DESC, (event_date IS NULL), event_date);

-- Filters: country matches the name or the ISO code (both case-insensitive), admin1 is exact, case-insensitive.
CREATE INDEX IF NOT EXISTS events_country_code ON events (country_code COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS events_admin1 ON events (admin1 COLLATE NOCASE);
