-- Chinese search that an index can serve (issue 10). Chinese has no spaces, and a query is often two
-- characters ("液压"), which pg_trgm cannot index (it needs three). So every searchable text is also indexed
-- as the set of its single characters and character pairs, lower-cased, without whitespace: "液压泵" →
-- {液, 压, 泵, 液压, 压泵}. A query's pairs must all be in a row's set (GIN `@>`); that is necessary for the
-- substring match, which is then checked exactly on the few rows the index returns. Single characters
-- make a one-character query (a surname) indexable too.
--
-- The search service calls jx_grams with exactly the columns below, in the same order: an index is only
-- used when the query repeats its expression.
CREATE FUNCTION jx_grams(VARIADIC parts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM (SELECT lower(array_to_string(parts, ' ')) AS s) d
  CROSS JOIN LATERAL generate_series(1, char_length(d.s)) AS i
  CROSS JOIN LATERAL (VALUES (substr(d.s, i, 1)), (substr(d.s, i, 2))) AS v(g)
  WHERE g !~ '\s'
$$;

CREATE INDEX studios_grams ON studios USING gin (jx_grams(name, code, field));
CREATE INDEX people_grams ON people USING gin (jx_grams(name, employee_no, trade));
CREATE INDEX projects_grams ON projects USING gin (jx_grams(title, code, goal));
CREATE INDEX results_grams ON results USING gin (jx_grams(title, archive_no, problem));
CREATE INDEX ideas_grams ON ideas USING gin (jx_grams(title, code, content));
CREATE INDEX challenges_grams ON challenges USING gin (jx_grams(title, code, field, description));

-- Challenges' segmented words had no index (the search scanned the table for that arm).
CREATE INDEX challenges_search_idx ON challenges USING gin (search_text);
