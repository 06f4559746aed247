-- Issue 31: alerts when a figure slips. Each alert is stored once per cause (unique), then delivered by e-mail and
-- webhook by a scheduled sender; a redelivered or repeated event finds its cause already there.

-- When a ticket's SLA targets fall due (from ticket.created), so the sender can warn before they are missed.
alter table ticket_fact
    add column first_response_due_at timestamptz,
    add column resolution_due_at     timestamptz;
create index ticket_fact_first_response_due on ticket_fact (first_response_due_at) where open and not first_response_recorded;
create index ticket_fact_resolution_due on ticket_fact (resolution_due_at) where open and not solved_once;

-- Who hears about a team's tickets: its lead's e-mail and a webhook (admins edit them).
create table alert_recipient (
    team_id     text primary key,
    lead_email  text,
    webhook_url text,
    updated_at  timestamptz not null,
    updated_by  text not null
);

create table alert (
    alert_id        text primary key,
    cause           text not null unique,     -- what raised it, e.g. SLA_BREACHED:FIRST_RESPONSE:<ticket>
    kind            text not null,            -- SLA_AT_RISK | SLA_BREACHED | ORDER_DEFECT_RATE | ANSWER_RATE_24H
    team_id         text,
    subject_id      text not null,            -- the ticket, or the day a rate was measured to
    value           double precision,
    threshold       double precision,
    link            text not null,
    raised_at       timestamptz not null,
    email_to        text,
    email_sent_at   timestamptz,
    webhook_url     text,
    webhook_sent_at timestamptz,
    attempts        integer not null default 0,
    last_error      text
);
create index alert_undelivered on alert (raised_at)
    where (email_to is not null and email_sent_at is null) or (webhook_url is not null and webhook_sent_at is null);

-- Whether a store-wide rate is over its threshold now: an alert is raised when it crosses, not on every check.
create table alert_rate_state (
    kind  text primary key,
    above boolean not null,
    since timestamptz not null
);
