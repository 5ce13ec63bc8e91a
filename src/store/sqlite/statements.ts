// Every statement the document side of the SQLite store runs, prepared once per connection.
import type { Database } from 'better-sqlite3'

const DOCUMENT_COLUMNS = [
  'id', 'origin', 'part', 'format', 'url', 'outlet', 'lang', 'title',
  'published_at', 'published_precision', 'published_source', 'published_raw',
  'script', 'encoding', 'text', 'sentences',
] as const

const SETTABLE = DOCUMENT_COLUMNS.filter((c) => c !== 'id')

export function statements(db: Database) {
  return {
    exists: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
    count: db.prepare('SELECT count(*) FROM documents').pluck(),
    idsWithPrefix: db.prepare('SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 11').pluck(),
    countListed: db.prepare(`
      SELECT count(*) FROM documents
      WHERE (@since IS NULL OR published_at >= @since)
        AND (@until IS NULL OR substr(published_at, 1, length(@until)) <= @until)
        AND (@format IS NULL OR format = @format)`).pluck(),

    putBlob: db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, size) VALUES (?, ?, ?)'),
    insertDocument: db.prepare(`
      INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')}, raw_sha256, ingested_at, updated_at)
      VALUES (${DOCUMENT_COLUMNS.map((c) => `@${c}`).join(', ')}, @raw_sha256, @ingested_at, @updated_at)`),
    updateDocument: db.prepare(`
      UPDATE documents SET ${SETTABLE.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at
      WHERE id = @id`),
    deleteDocument: db.prepare('DELETE FROM documents WHERE id = ?'),
    getDocument: db.prepare('SELECT * FROM documents WHERE id = ?'),
    getKeep: db.prepare('SELECT raw_sha256, ingested_at FROM documents WHERE id = ?'),
    getRaw: db.prepare(`
      SELECT b.bytes, d.origin, d.part, d.format, d.encoding
      FROM documents d JOIN blobs b ON b.sha256 = d.raw_sha256 WHERE d.id = ?`),

    addOrigin: db.prepare('INSERT OR IGNORE INTO document_origins (doc_id, origin, part, first_seen_at) VALUES (?, ?, ?, ?)'),
    copyOrigins: db.prepare(`
      INSERT OR IGNORE INTO document_origins (doc_id, origin, part, first_seen_at)
      SELECT ?, origin, part, first_seen_at FROM document_origins WHERE doc_id = ? ORDER BY rowid`),
    deleteOrigins: db.prepare('DELETE FROM document_origins WHERE doc_id = ?'),
    listOrigins: db.prepare('SELECT origin, part, first_seen_at FROM document_origins WHERE doc_id = ? ORDER BY first_seen_at, rowid'),

    insertReference: db.prepare(`
      INSERT INTO document_references (doc_id, n, outlet, title, date, accessed, language, url, raw)
      VALUES (@doc_id, @n, @outlet, @title, @date, @accessed, @language, @url, @raw)`),
    deleteReferences: db.prepare('DELETE FROM document_references WHERE doc_id = ?'),
    getReferences: db.prepare(`
      SELECT doc_id, n, outlet, title, date, accessed, language, url, raw
      FROM document_references WHERE doc_id = ? ORDER BY n`),
    recordReplacement: db.prepare('INSERT INTO document_replacements (old_id, new_id, replaced_at) VALUES (?, ?, ?)'),

    insertMatch: db.prepare('INSERT INTO document_match (doc_id, title, text) VALUES (?, ?, ?)'),
    updateMatch: db.prepare('UPDATE document_match SET title = ?, text = ? WHERE doc_id = ?'),
    moveMatch: db.prepare('UPDATE document_match SET doc_id = ?, title = ?, text = ? WHERE doc_id = ?'),
    deleteMatch: db.prepare('DELETE FROM document_match WHERE doc_id = ?'),

    // until compares at the bound's own precision, so until '2025-02-18' keeps '2025-02-18T07:27Z'.
    listDocuments: db.prepare(`
      SELECT id, origin, part, format, title, published_at, published_precision, published_source, published_raw,
             script, length(text) AS chars, ingested_at
      FROM documents
      WHERE (@since IS NULL OR published_at >= @since)
        AND (@until IS NULL OR substr(published_at, 1, length(@until)) <= @until)
        AND (@format IS NULL OR format = @format)
      ORDER BY published_at IS NULL, published_at DESC, ingested_at DESC, id
      LIMIT @limit OFFSET @offset`),
  }
}

export type Statements = ReturnType<typeof statements>
