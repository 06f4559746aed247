-- The scheduled SLA check (every 30 s) looks for active tickets whose first-response or resolution due time has
-- passed. Its two partial indexes held every ticket not breached, solved and closed ones included (they keep
-- their due times), so PostgreSQL found it cheaper to read all 50,000 active tickets of the benchmark's million:
-- 0.6-1.5 s of the database every 30 s. Limited to active, unmerged tickets, as the check's query is, the two
-- indexes answer it by a BitmapOr in 0.1 ms.
-- The statuses are TicketStatus.ACTIVE, as TicketService.ACTIVE_LITERALS writes them into the query.

create index ticket_first_response_check_idx on ticket (first_response_due_at)
    where first_response_at is null and not first_response_breached and merged_into is null
      and status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER');
create index ticket_resolution_check_idx on ticket (resolution_due_at)
    where not resolution_breached and merged_into is null and status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER');
drop index ticket_first_due_idx;
drop index ticket_resolution_due_idx;
