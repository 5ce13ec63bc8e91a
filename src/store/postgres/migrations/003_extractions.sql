-- What the extract stage read from each document, replaced together in one transaction whenever it is
-- extracted again. Each fact keeps its full JSON (spans, rule ids, confidence); the columns beside it are what
-- the CLI and the API filter on. `seq` keeps insertion order where SQLite uses its rowid.

CREATE TABLE extractions (
  doc_id       TEXT COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  extracted_at TEXT NOT NULL,
  body         TEXT NOT NULL -- JSON of the times and numbers, which are read whole
);

CREATE TABLE mentions (
  doc_id     TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  surface    TEXT NOT NULL,
  actor_id   TEXT,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL,
  how        TEXT NOT NULL,
  body       TEXT NOT NULL,
  PRIMARY KEY (doc_id, span_start, span_end)
);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE events (
  seq    BIGINT GENERATED ALWAYS AS IDENTITY,
  id     TEXT COLLATE "C" PRIMARY KEY,
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  type   TEXT NOT NULL,
  cameo  TEXT NOT NULL,
  date   TEXT COLLATE "C",
  body   TEXT NOT NULL
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_type_date ON events (type, date);

CREATE TABLE event_actors (
  event_id TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  actor_id TEXT,
  name     TEXT NOT NULL,
  role     TEXT NOT NULL
);
CREATE INDEX event_actors_actor ON event_actors (actor_id);
CREATE INDEX event_actors_event ON event_actors (event_id);

CREATE TABLE quotes (
  doc_id     TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  speaker_id TEXT,
  speaker    TEXT,
  body       TEXT NOT NULL,
  PRIMARY KEY (doc_id, span_start)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
