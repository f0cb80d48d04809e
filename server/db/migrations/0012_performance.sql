-- Performance at national scale (issue 10): covering indexes for the dashboard's per-subtree counts, and a data
-- generation that tells the dashboard cache when its figures may have changed.

-- Index-only scans for the dashboard aggregates (results, activities, ideas and studios of a subtree): the
-- counted columns ride in the index, so a count reads no table pages once autovacuum has set the visibility map.
CREATE INDEX results_studio_stats_idx ON results (studio_id)
  INCLUDE (kind, status, year, archived_at, patent_type, patent_status);
CREATE INDEX activities_studio_stats_idx ON activities (studio_id, held_on) INCLUDE (kind, hours, archived_at);
CREATE INDEX ideas_org_stats_idx ON ideas (org_id) INCLUDE (created_at, status, answered_at, deadline_at, archived_at);
CREATE INDEX studios_host_stats_idx ON studios (host_org_id) INCLUDE (status, type, current_level, archived_at);
-- No index on studios (created_at): with it the planner reads all studios newest first and filters them by the
-- subtree (0.9 s at 100k studios) instead of finding the subtree's few studios and sorting them (a few ms).

-- A data generation: every statement that writes a table the dashboard reads adds one to a shard (sixteen rows,
-- picked by transaction id, so concurrent writers do not queue on one row lock). The sum only grows; it changes
-- in the same transaction as the data, so a reader that sees the old sum never misses a committed change.
CREATE TABLE stats_generation (
  shard integer PRIMARY KEY,
  n bigint NOT NULL DEFAULT 0
);
INSERT INTO stats_generation (shard) SELECT g FROM generate_series(0, 15) g;

CREATE FUNCTION stats_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stats_generation SET n = n + 1 WHERE shard = (txid_current() % 16)::int;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orgs', 'people', 'studios', 'studio_members', 'studio_namings', 'results', 'projects',
    'benefits', 'benefit_attributions', 'activities', 'activity_participants', 'mentorships', 'fund_allocations',
    'ideas']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION stats_generation_bump()', t || '_stats_generation', t);
  END LOOP;
END $$;
