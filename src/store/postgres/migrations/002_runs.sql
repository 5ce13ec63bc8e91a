-- Ingest runs and the files each handled, so an interrupted run can resume and failures can be listed.

CREATE TABLE ingest_runs (
  id          INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  inputs      TEXT NOT NULL -- JSON array of the paths and URLs as given
);

CREATE TABLE ingest_files (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES ingest_runs (id) ON DELETE CASCADE,
  path        TEXT NOT NULL,
  final_url   TEXT,
  sha256      TEXT COLLATE "C" NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('new', 'known', 'failed', 'empty')),
  documents   INTEGER NOT NULL,
  reason      TEXT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX ingest_files_run ON ingest_files (run_id);
CREATE INDEX ingest_files_sha256 ON ingest_files (sha256);
