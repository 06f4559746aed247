-- The inbox over a million tickets (docs/performance/2026-12-07-console-queries.md). Active tickets are a few
-- percent of the table, yet every list of them walked ticket_urgency_idx, which holds every ticket, and counted its
-- matches with a sequential scan of the whole table (180-210 ms a page). This index holds the active tickets only,
-- in the list's order (TicketSql.URGENCY_SQL), with the columns the inbox's filters read (team, agent, reason,
-- channel, breached, the pending target's due time and pause): the list reads it in order, and counting the matches
-- of any filter is an index-only scan of it (2-5 ms for the 10,001 rows the capped count reads at most).
create index ticket_active_urgency_idx on ticket (priority_rank, sla_due_at, created_at, id)
    include (team_id, agent_id, reason, channel, first_response_breached, resolution_breached, sla_paused_since,
             first_response_at, first_response_due_at, resolution_due_at)
    where merged_into is null and status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER');

-- A solved or closed ticket's SLA clock stays paused, so sla_paused_since is null on (running) active tickets only.
-- Estimated as independent, the two filters multiplied two small fractions, and the at-risk list (its clock running)
-- was planned as a bitmap scan of every active ticket and a sort (17 ms) instead of reading the index above in order
-- (0.2 ms); statistics of the columns together tell the planner.
create statistics ticket_active_stats (mcv) on status, merged_into, sla_paused_since from ticket;
analyze ticket;
