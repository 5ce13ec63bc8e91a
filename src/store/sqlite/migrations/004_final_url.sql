-- For an input fetched from a URL, where the answer finally came from after redirects (credentials removed),
-- beside the URL asked for (ingest_files.path).
ALTER TABLE ingest_files ADD COLUMN final_url TEXT;
