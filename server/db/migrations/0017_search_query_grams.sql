-- A query's keys for the jx_grams indexes (migration 0014): its character pairs only, or the character itself
-- for a one-character word. Containing every pair implies containing every character, so the single
-- characters add nothing but index reads; and PostgreSQL, which multiplies the frequencies of the keys as if
-- they were independent, estimated a four-character query to match 24 rows of 500,000 where 83,000 did (with
-- pairs only: 2,530), and planned joins for a handful of rows.
CREATE FUNCTION jx_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM regexp_split_to_table(lower(q), '\s+') AS w
  CROSS JOIN LATERAL generate_series(1, greatest(char_length(w) - 1, 1)) AS i
  CROSS JOIN LATERAL (SELECT CASE WHEN char_length(w) = 1 THEN w ELSE substr(w, i, 2) END AS g) x
  WHERE w <> ''
$$;
