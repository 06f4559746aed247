-- A portal link is made with its order's first message and renewed (expires_at) by the next ones, which touch none of
-- its indexed columns (order_id, link_id, customer_id). Packed full, a page had no room for the new version: in the e2e
-- benchmark 36-43 % of the renewals were HOT, the rest wrote a new entry into all three indexes
-- (docs/performance/2026-12-07-wal.md). A quarter of each page left free keeps the new version on its page.
alter table portal_link set (fillfactor = 75);
