-- Documents, the bytes they were read from, where each was seen, and the matching view for search: the same
-- tables as the SQLite store's 001_documents.sql. Ids and dates are compared as bytes (COLLATE "C"), as SQLite
-- does, whatever the database's own locale: id prefixes and ISO date ranges must not depend on it.

-- One row per distinct source file content: a feed's bytes are stored once for its many items.
CREATE TABLE blobs (
  sha256 TEXT COLLATE "C" PRIMARY KEY,
  bytes  BYTEA NOT NULL,
  size   INTEGER NOT NULL
);

CREATE TABLE documents (
  id                  TEXT COLLATE "C" PRIMARY KEY,
  origin              TEXT NOT NULL,
  part                TEXT,
  format              TEXT NOT NULL,
  url                 TEXT,
  outlet              TEXT,
  lang                TEXT,
  title               TEXT NOT NULL,
  published_at        TEXT COLLATE "C",
  published_precision TEXT NOT NULL,
  published_source    TEXT NOT NULL,
  published_raw       TEXT,
  script              TEXT NOT NULL,
  encoding            TEXT NOT NULL,
  text                TEXT NOT NULL,
  sentences           TEXT NOT NULL, -- JSON array of [start, end]
  raw_sha256          TEXT COLLATE "C" NOT NULL REFERENCES blobs (sha256),
  ingested_at         TEXT COLLATE "C" NOT NULL,
  updated_at          TEXT COLLATE "C" NOT NULL
);
CREATE INDEX documents_published ON documents (published_at);
CREATE INDEX documents_ingested ON documents (ingested_at);

-- Every (origin, part) a document was seen at; seq keeps the order they were first seen in.
CREATE TABLE document_origins (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_id        TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  origin        TEXT NOT NULL,
  part          TEXT,
  first_seen_at TEXT COLLATE "C" NOT NULL
);
-- part is often NULL, and NULLs are distinct in a plain UNIQUE constraint, hence the expression.
CREATE UNIQUE INDEX document_origins_unique ON document_origins (doc_id, origin, (coalesce(part, '')));
CREATE INDEX document_origins_origin ON document_origins (origin);

CREATE TABLE document_references (
  doc_id   TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  n        INTEGER NOT NULL,
  outlet   TEXT,
  title    TEXT NOT NULL,
  date     TEXT,
  accessed TEXT,
  language TEXT,
  url      TEXT,
  raw      TEXT NOT NULL,
  PRIMARY KEY (doc_id, n)
);

-- When reprocessing changes a document's id, the old id is remembered here.
CREATE TABLE document_replacements (
  old_id      TEXT COLLATE "C" NOT NULL,
  new_id      TEXT COLLATE "C" NOT NULL,
  replaced_at TEXT NOT NULL
);
CREATE INDEX document_replacements_old ON document_replacements (old_id);

-- The matching view (simplified script, folded) that search runs over. PostgreSQL has no parser for Chinese,
-- which is written without spaces; `grams` holds every distinct pair of neighbouring characters of the title
-- and text (ASCII letters lower-cased), computed by the store. A GIN index over it finds the documents that hold
-- every pair of a query term (two characters or more); the term itself is then checked in the text.
CREATE TABLE document_match (
  doc_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE ON UPDATE CASCADE,
  title  TEXT NOT NULL,
  text   TEXT NOT NULL,
  grams  TEXT[] NOT NULL
);
CREATE INDEX document_match_grams ON document_match USING gin (grams);
