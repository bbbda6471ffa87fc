-- Watch mode asks "is this URL stored?" for every feed entry: index documents by URL.
CREATE INDEX IF NOT EXISTS documents_url ON documents (url);
