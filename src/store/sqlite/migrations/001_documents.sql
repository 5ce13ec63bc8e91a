-- Documents, the bytes they were read from, where each was seen, and the matching view for search.

-- One row per distinct source file content: a feed's bytes are stored once for its many items.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  bytes  BLOB NOT NULL,
  size   INTEGER NOT NULL
);

CREATE TABLE documents (
  id                  TEXT PRIMARY KEY,
  origin              TEXT NOT NULL,
  part                TEXT,
  format              TEXT NOT NULL,
  url                 TEXT,
  outlet              TEXT,
  lang                TEXT,
  title               TEXT NOT NULL,
  published_at        TEXT,
  published_precision TEXT NOT NULL,
  published_source    TEXT NOT NULL,
  published_raw       TEXT,
  script              TEXT NOT NULL,
  encoding            TEXT NOT NULL,
  text                TEXT NOT NULL,
  sentences           TEXT NOT NULL, -- JSON array of {start, end}
  raw_sha256          TEXT NOT NULL REFERENCES blobs (sha256),
  ingested_at         TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published_at);
CREATE INDEX documents_ingested ON documents (ingested_at);

-- Every (origin, part) a document was seen at, the first one included. part is often NULL, and NULLs are
-- distinct in a plain UNIQUE constraint, hence the expression index.
CREATE TABLE document_origins (
  doc_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  origin        TEXT NOT NULL,
  part          TEXT,
  first_seen_at TEXT NOT NULL
);
CREATE UNIQUE INDEX document_origins_unique ON document_origins (doc_id, origin, ifnull(part, ''));
CREATE INDEX document_origins_origin ON document_origins (origin);

CREATE TABLE document_references (
  doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
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
  old_id      TEXT NOT NULL,
  new_id      TEXT NOT NULL,
  replaced_at TEXT NOT NULL
);
CREATE INDEX document_replacements_old ON document_replacements (old_id);

-- The matching view (simplified script, folded) that search runs over. Its INTEGER PRIMARY KEY survives
-- VACUUM, unlike the implicit rowid of `documents`, so the FTS index points here.
CREATE TABLE document_match (
  rowid  INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
  title  TEXT NOT NULL,
  text   TEXT NOT NULL
);

-- Chinese has no spaces between words: trigrams let any substring of three or more characters match.
CREATE VIRTUAL TABLE document_fts USING fts5 (
  title, text,
  content = 'document_match', content_rowid = 'rowid', tokenize = 'trigram'
);

-- External-content FTS tables are kept in step by triggers (the pattern from the FTS5 documentation).
CREATE TRIGGER document_match_ai AFTER INSERT ON document_match BEGIN
  INSERT INTO document_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER document_match_ad AFTER DELETE ON document_match BEGIN
  INSERT INTO document_fts (document_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER document_match_au AFTER UPDATE ON document_match BEGIN
  INSERT INTO document_fts (document_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO document_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
