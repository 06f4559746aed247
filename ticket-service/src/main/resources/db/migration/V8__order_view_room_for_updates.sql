-- The inbox (platform/messaging's processed_event) had a b-tree on processed_at that no query reads: no job prunes the
-- inbox yet. Every event applied wrote an entry into it, in the WAL that five walsenders decode
-- (docs/performance/2026-12-07-wal.md). A pruning job would add a BRIN index on processed_at (rows arrive in time
-- order), whose inserts cost next to nothing.
drop index if exists processed_event_processed_at;

-- An order's row is updated with every status change (paid, shipped, out for delivery, delivered), none of which
-- changes an indexed column. Packed full, a page had no room for the new version: 61 % of the updates went to another
-- page and wrote a new entry into each of order_view's five indexes (one a GIN). A quarter of each page left
-- free keeps the new version on its page (a HOT update: no index entry). New pages only; existing rows move as they
-- are updated.
alter table order_view set (fillfactor = 75);
