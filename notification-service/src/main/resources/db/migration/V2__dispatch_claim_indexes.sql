-- The dispatcher claims the oldest QUEUED deliveries and the DEFERRED ones that are due. With one index on
-- (status, send_after) it had to read every QUEUED row and sort them by created_at to take the first hundred:
-- each claim cost as much as the queue was long, just when a backlog made claims matter. Each kind now has an
-- index in the order it is claimed, and stale SENDING claims one by their age.
drop index delivery_due;
create index delivery_queued_by_age on delivery (created_at) where status = 'QUEUED';
create index delivery_deferred_by_due on delivery (send_after) where status = 'DEFERRED';
create index delivery_sending_by_claim on delivery (updated_at) where status = 'SENDING';
