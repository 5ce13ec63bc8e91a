-- Feeds followed by `parley watch` / `parley feeds`, as in SQLite's 011_feeds.sql: how each was last answered
-- (for a conditional GET), when it is polled next, how often in a row it failed, and which items were handled.
-- Times are ISO 8601 text in UTC, compared as text, as in SQLite.

CREATE TABLE feeds (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url           TEXT COLLATE "C" NOT NULL UNIQUE,
  title         TEXT,
  added_at      TEXT NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  body_sha256   TEXT,
  last_poll_at  TEXT,
  last_status   TEXT CHECK (last_status IN ('new', 'unchanged', 'not-modified', 'error', 'interrupted')),
  last_error    TEXT,
  http_status   INTEGER,
  failures      INTEGER NOT NULL DEFAULT 0,
  next_poll_at  TEXT COLLATE "C"
);
CREATE INDEX feeds_next_poll ON feeds (next_poll_at);

CREATE TABLE feed_items (
  feed_id        BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  item_key       TEXT COLLATE "C" NOT NULL,
  content_sha256 TEXT NOT NULL,
  doc_id         TEXT,
  status         TEXT NOT NULL CHECK (status IN ('done', 'pending')),
  tries          INTEGER NOT NULL DEFAULT 0,
  versions       INTEGER NOT NULL DEFAULT 1,
  first_seen_at  TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (feed_id, item_key)
);
