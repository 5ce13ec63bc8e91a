-- The shared work queue: `parley enqueue` adds one job per input, any number of `parley worker` processes on
-- any number of machines take them. A worker claims a job with SELECT … FOR UPDATE SKIP LOCKED, holds it by a
-- lease that a heartbeat extends, and stores the job's documents and marks it done in one transaction that
-- first checks its claim is still the job's. A worker that dies stops renewing; once its lease has run out the
-- job is claimed again. A file's bytes travel in the job, so a worker need not see the enqueuer's disk.

CREATE TABLE jobs (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  input       TEXT NOT NULL,             -- the path or URL as given
  key         TEXT COLLATE "C" NOT NULL, -- SHA-256 of the bytes with what changes their reading, or of the URL
  bytes       BYTEA,                     -- the file's bytes; NULL for a URL, which the worker fetches
  options     TEXT NOT NULL,             -- JSON: published, sidecar, maxBytes, allowPrivate
  status      TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  claim       TEXT,                      -- a token new at every claim: who holds the job now
  worker      TEXT,                      -- host and process id of that worker
  lease_until TIMESTAMPTZ,
  enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at  TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,
  new_docs    INTEGER,
  known_docs  INTEGER,
  error       TEXT
);
-- An input already waiting is not queued twice.
CREATE UNIQUE INDEX jobs_key_pending ON jobs (key) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_key ON jobs (key);
CREATE INDEX jobs_open ON jobs (id) WHERE status IN ('queued', 'running');
