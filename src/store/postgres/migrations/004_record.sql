-- The record (src/resolve): merged events across documents, reprint groups, suggested dates, claims, stances.
-- Derived data, rebuilt whole. Every change to documents or extractions takes a number from a sequence;
-- the record remembers the number it was built at, so a reader knows when it is stale. A sequence rather than
-- SQLite's counter row: it takes no row lock, so workers writing at once never wait on each other for it.

CREATE SEQUENCE record_generation;

CREATE TABLE record_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  built_from BIGINT, -- the generation the stored record was built from; NULL before the first build
  built_at   TEXT
);
INSERT INTO record_state (id, built_from, built_at) VALUES (1, NULL, NULL);

CREATE FUNCTION record_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('record_generation');
  RETURN NULL;
END
$$;
CREATE TRIGGER record_stale_extraction AFTER INSERT OR DELETE ON extractions FOR EACH STATEMENT EXECUTE FUNCTION record_bump();
CREATE TRIGGER record_stale_document AFTER UPDATE OR DELETE ON documents FOR EACH STATEMENT EXECUTE FUNCTION record_bump();

CREATE TABLE record_events (
  id       TEXT COLLATE "C" PRIMARY KEY,
  seq      INTEGER NOT NULL, -- date order as resolve sorted it
  date     TEXT COLLATE "C",
  type     TEXT NOT NULL,
  cameo    TEXT NOT NULL,
  modality TEXT NOT NULL,
  sources  INTEGER NOT NULL,
  body     TEXT NOT NULL -- JSON of the MergedEvent
);
CREATE INDEX record_events_date ON record_events (date);

CREATE TABLE record_event_actors (
  event_id TEXT COLLATE "C" NOT NULL REFERENCES record_events (id) ON DELETE CASCADE,
  actor_id TEXT,
  name     TEXT NOT NULL,
  role     TEXT NOT NULL
);
CREATE INDEX record_event_actors_actor ON record_event_actors (actor_id);
CREATE INDEX record_event_actors_name ON record_event_actors (name);

CREATE TABLE record_reports (
  event_id      TEXT COLLATE "C" NOT NULL REFERENCES record_events (id) ON DELETE CASCADE,
  doc_id        TEXT COLLATE "C" NOT NULL,
  extraction_id TEXT NOT NULL
);
CREATE INDEX record_reports_doc ON record_reports (doc_id);

CREATE TABLE record_reprints (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY,
  original_id TEXT COLLATE "C" NOT NULL,
  doc_id      TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  similarity  DOUBLE PRECISION NOT NULL
);

CREATE TABLE record_anchors (
  doc_id     TEXT COLLATE "C" PRIMARY KEY,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  body       TEXT NOT NULL -- JSON of the Anchor with its evidence
);

CREATE TABLE record_claims (
  seq      INTEGER PRIMARY KEY,
  quantity TEXT NOT NULL,
  unit     TEXT NOT NULL,
  body     TEXT NOT NULL
);

CREATE TABLE record_stances (
  seq      INTEGER PRIMARY KEY,
  actor_id TEXT,
  actor    TEXT NOT NULL,
  issue    TEXT NOT NULL,
  position TEXT NOT NULL,
  date     TEXT,
  doc_id   TEXT COLLATE "C" NOT NULL,
  body     TEXT NOT NULL
);
CREATE INDEX record_stances_actor ON record_stances (actor_id);
CREATE INDEX record_stances_issue ON record_stances (issue);
