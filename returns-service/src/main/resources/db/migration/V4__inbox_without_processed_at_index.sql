-- The inbox (platform/messaging's processed_event) had a b-tree on processed_at that no query reads: no job prunes the
-- inbox yet. Every event applied wrote an entry into it, in the WAL that five walsenders decode
-- (docs/performance/2026-12-07-wal.md). A pruning job would add a BRIN index on processed_at (rows arrive in time
-- order), whose inserts cost next to nothing.
drop index if exists processed_event_processed_at;
