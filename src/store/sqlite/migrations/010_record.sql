-- The record (src/resolve): merged events across documents, reprint groups, suggested dates of undated
-- documents. Derived data: rebuilt whole from the documents and their extractions. Triggers count every change
-- to those, so a reader knows the stored record is stale and rebuilds it on first use (never on every read).

CREATE TABLE record_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL, -- bumped by every change to documents or extractions
  built_from INTEGER,          -- the generation the stored record was built from; NULL before the first build
  built_at   TEXT
);
INSERT INTO record_state (id, generation, built_from, built_at) VALUES (1, 0, NULL, NULL);

CREATE TRIGGER record_stale_extraction_ai AFTER INSERT ON extractions BEGIN
  UPDATE record_state SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER record_stale_extraction_ad AFTER DELETE ON extractions BEGIN
  UPDATE record_state SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER record_stale_document_au AFTER UPDATE ON documents BEGIN
  UPDATE record_state SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER record_stale_document_ad AFTER DELETE ON documents BEGIN
  UPDATE record_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TABLE record_events (
  id       TEXT PRIMARY KEY,
  seq      INTEGER NOT NULL, -- date order as resolve sorted it
  date     TEXT,
  type     TEXT NOT NULL,
  cameo    TEXT NOT NULL,
  modality TEXT NOT NULL,
  sources  INTEGER NOT NULL,
  body     TEXT NOT NULL -- JSON of the MergedEvent
);
CREATE INDEX record_events_date ON record_events (date);

-- Every actor of a merged event (source, target, participants) by id and name, for --actor.
CREATE TABLE record_event_actors (
  event_id TEXT NOT NULL REFERENCES record_events (id) ON DELETE CASCADE,
  actor_id TEXT,
  name     TEXT NOT NULL,
  role     TEXT NOT NULL
);
CREATE INDEX record_event_actors_actor ON record_event_actors (actor_id);
CREATE INDEX record_event_actors_name ON record_event_actors (name);

-- Which merged event each document's report went into: the document's own event id in its extraction.
CREATE TABLE record_reports (
  event_id      TEXT NOT NULL REFERENCES record_events (id) ON DELETE CASCADE,
  doc_id        TEXT NOT NULL,
  extraction_id TEXT NOT NULL
);
CREATE INDEX record_reports_doc ON record_reports (doc_id);

CREATE TABLE record_reprints (
  original_id TEXT NOT NULL,
  doc_id      TEXT NOT NULL PRIMARY KEY,
  similarity  REAL NOT NULL
);

-- A suggested publication range, inferred; the document's own published_* columns are never changed by it.
CREATE TABLE record_anchors (
  doc_id TEXT PRIMARY KEY,
  start  TEXT NOT NULL,
  end    TEXT,
  body   TEXT NOT NULL -- JSON of the Anchor with its evidence
);

-- Numbers about one quantity from several sources (src/resolve/claims.ts).
CREATE TABLE record_claims (
  seq      INTEGER PRIMARY KEY,
  quantity TEXT NOT NULL,
  unit     TEXT NOT NULL,
  body     TEXT NOT NULL -- JSON of the Claim
);

-- Actor x issue x date x position (src/resolve/stances.ts).
CREATE TABLE record_stances (
  seq      INTEGER PRIMARY KEY,
  actor_id TEXT,
  actor    TEXT NOT NULL,
  issue    TEXT NOT NULL,
  position TEXT NOT NULL,
  date     TEXT,
  doc_id   TEXT NOT NULL,
  body     TEXT NOT NULL -- JSON of the Stance
);
CREATE INDEX record_stances_actor ON record_stances (actor_id);
CREATE INDEX record_stances_issue ON record_stances (issue);
