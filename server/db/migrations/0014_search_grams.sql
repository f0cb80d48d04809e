-- Chinese search that an index can serve (issue 10). Chinese has no spaces, and a query is often two
-- characters ("液压"), which pg_trgm cannot index (it needs three). So every searchable text is also indexed
-- as the set of its single characters and character pairs, lower-cased, without whitespace: "液压泵" →
-- {液, 压, 泵, 液压, 压泵}. A query's pairs must all be in a row's set (GIN `@>`); that is necessary for the
-- substring match, which is then checked exactly on the few rows the index returns. Single characters
-- make a one-character query (a surname) indexable too.
--
-- The search service calls jx_grams with exactly the columns below, in the same order: an index is only
-- used when the query repeats its expression.
-- PL/pgSQL, one pass over the characters: 2.7 × faster than a set-returning SQL body, which matters on
-- every insert and update of the six tables (a 100,000-row ledger import spent 17 s in it).
CREATE FUNCTION jx_grams(VARIADIC parts text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s text := lower(coalesce(array_to_string(parts, ' '), ''));
  n int := char_length(s);
  out text[] := '{}';
  c text;
  p text;
BEGIN
  FOR i IN 1..n LOOP
    c := substr(s, i, 1);
    CONTINUE WHEN c ~ '\s';
    out := out || c;
    IF i < n THEN
      p := substr(s, i, 2);
      IF p !~ '\s' THEN
        out := out || p;
      END IF;
    END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT unnest(out));
END
$$;

-- fastupdate off: each insert goes into the index at once, instead of a pending list flushed in bulk by some
-- later insert (a latency spike for that request, and on the embedded database a memory peak it keeps).
CREATE INDEX studios_grams ON studios USING gin (jx_grams(name, code, field)) WITH (fastupdate = off);
CREATE INDEX people_grams ON people USING gin (jx_grams(name, employee_no, trade)) WITH (fastupdate = off);
CREATE INDEX projects_grams ON projects USING gin (jx_grams(title, code, goal)) WITH (fastupdate = off);
CREATE INDEX results_grams ON results USING gin (jx_grams(title, archive_no, problem)) WITH (fastupdate = off);
CREATE INDEX ideas_grams ON ideas USING gin (jx_grams(title, code, content)) WITH (fastupdate = off);
CREATE INDEX challenges_grams ON challenges USING gin (jx_grams(title, code, field, description)) WITH (fastupdate = off);

-- Challenges' segmented words had no index (the search scanned the table for that arm).
CREATE INDEX challenges_search_idx ON challenges USING gin (search_text);
