-- Feeds followed by `parley watch` / `parley feeds`: how each was last answered (for a conditional GET), when it
-- is polled next, how often in a row it failed, and which of its items were already handled.

CREATE TABLE feeds (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  url           TEXT NOT NULL UNIQUE, -- as the user gave it (credentials included: they are needed to poll)
  title         TEXT,                 -- the channel's title, or the OPML outline's text until the first poll
  added_at      TEXT NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  body_sha256   TEXT,                 -- of the last body handled whole: an unchanged body without validators costs no parse
  last_poll_at  TEXT,
  last_status   TEXT CHECK (last_status IN ('new', 'unchanged', 'not-modified', 'error', 'interrupted')),
  last_error    TEXT,
  http_status   INTEGER,
  failures      INTEGER NOT NULL DEFAULT 0, -- consecutive failed polls
  next_poll_at  TEXT                  -- NULL: due now (never polled)
);
CREATE INDEX feeds_next_poll ON feeds (next_poll_at);

-- One row per item key (its guid, else its link, else a hash of its content) of a feed. content_sha256 tells an
-- edited item (same key, new content) from one already handled; 'pending' items (their linked page could not be
-- fetched yet) are tried again at the next poll.
CREATE TABLE feed_items (
  feed_id        INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  item_key       TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  doc_id         TEXT,                -- the document the latest version became (NULL when it gave none)
  status         TEXT NOT NULL CHECK (status IN ('done', 'pending')),
  tries          INTEGER NOT NULL DEFAULT 0,
  versions       INTEGER NOT NULL DEFAULT 1,
  first_seen_at  TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (feed_id, item_key)
);
