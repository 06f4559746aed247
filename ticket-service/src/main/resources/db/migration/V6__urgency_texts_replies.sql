-- Most urgent first: the ticket list and the hand-out order by priority, then by the nearest SLA due time.
-- priority_rank: 0 URGENT, 1 HIGH, 2 NORMAL, 3 LOW. sla_due_at: the nearer of the due times still running on an
-- active ticket: the first-response target until the first public reply, the resolution target until solved (a
-- breached target still runs, and being overdue it sorts first); null while the clock is paused or the ticket is
-- done, which sorts after every running one. Both are generated, so any writer (the service, a migration, the
-- benchmarks' data set) keeps them right.
alter table ticket add column priority_rank smallint generated always as (
    case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end) stored;
alter table ticket add column sla_due_at timestamptz generated always as (
    case when status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER')
         then least(case when first_response_at is null then first_response_due_at end, resolution_due_at) end) stored;
-- the list (any page, no filter or a filter the planner applies on the way) reads this index in order
create index ticket_urgency_idx on ticket (priority_rank, sla_due_at, created_at, id) where merged_into is null;
-- a team's waiting queue, handed out most urgent first when an agent has room
create index ticket_team_queue_idx on ticket (team_id, priority_rank, sla_due_at, created_at, id)
    where agent_id is null and merged_into is null and status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER');

-- Per-priority SLA targets: {"URGENT": {"firstResponseMinutes": 120, "resolutionMinutes": 480}, ...}; a priority
-- without an entry takes the policy's own targets.
alter table sla_policy add column priority_targets text not null default '{}';
-- The default policy is data: null targets and time zone mean the configured ticket.sla.default-* settings.
alter table sla_policy alter column first_response_minutes drop not null;
alter table sla_policy alter column resolution_minutes drop not null;
alter table sla_policy alter column time_zone drop not null;
insert into sla_policy (id, priority, channel, first_response_minutes, resolution_minutes, time_zone, hours, holidays,
                        pause_with_carrier, pause_return_in_transit, version, updated_at, priority_targets)
values ('default', null, null, null, null, null,
        '{"FRIDAY":[0,1440],"MONDAY":[0,1440],"SATURDAY":[0,1440],"SUNDAY":[0,1440],"THURSDAY":[0,1440],"TUESDAY":[0,1440],"WEDNESDAY":[0,1440]}',
        '[]', false, false, 1, now(),
        '{"URGENT":{"firstResponseMinutes":120,"resolutionMinutes":480},"HIGH":{"firstResponseMinutes":480,"resolutionMinutes":1440}}')
on conflict (id) do nothing;

-- Procedures' canned replies in every language the service speaks: {"es": "...", "en": "...", "pt": "..."}.
alter table procedure add column replies text not null default '{}';
update procedure set replies = json_build_object('es', reply_es, 'en', reply_en)::text;
alter table procedure drop column reply_es;
alter table procedure drop column reply_en;

-- Where a customer is: the country their orders ship to, for phone numbers written without a country code.
alter table customer add column country text;

-- Customers' e-mail replies fetched from the support mailbox: each one once (a hash of its Message-ID, no
-- personal data), recorded in the same transaction as the contact it became.
create table inbound_email (
    message_key text primary key,
    ticket_id   uuid,
    received_at timestamptz not null
);

-- Files a customer attached to an e-mail, kept with the message they came with. No foreign key to ticket_message:
-- the tickets benchmark truncates ticket_message to load its data set, which a reference would forbid.
create table ticket_attachment (
    id           uuid primary key,
    message_id   uuid not null,
    file_name    text not null,
    content_type text not null,
    size_bytes   int not null,
    content      bytea not null,
    created_at   timestamptz not null
);
create index ticket_attachment_message_idx on ticket_attachment (message_id);
