-- Issue 31: KPIs by channel, team and agent; partner scorecards; A/B results by template variant.

-- Who and where a ticket was handled, as the ticket events said: the channel of its first contact and its team at
-- creation, the first response's team and agent (and whether it was automatic), the solving team and agent.
alter table ticket_fact
    add column channel                  text,
    add column team_id                  text,
    add column first_response_automatic boolean,
    add column first_response_team      text,
    add column first_response_agent     text,
    add column solved_team              text,
    add column solved_agent             text;
alter table contact_fact add column channel text;

-- The ticket KPIs by dimension CHANNEL | TEAM | AGENT and value (a channel, a team id, an agent id), per local day.
-- First responses here are human ones; automatic ones are counted apart (their share). The within_Nh counters serve
-- the partners' contracted first-response targets and the 24 h answer rate.
create table split_daily (
    dimension                   text   not null,
    value                       text   not null,
    day                         date   not null,
    contacts                    bigint not null default 0,
    tickets_created             bigint not null default 0,
    first_responses             bigint not null default 0,
    first_response_seconds_sum  bigint not null default 0,
    first_responses_within_sla  bigint not null default 0,
    first_responses_within_1h   bigint not null default 0,
    first_responses_within_4h   bigint not null default 0,
    first_responses_within_24h  bigint not null default 0,
    first_responses_within_48h  bigint not null default 0,
    automatic_first_responses   bigint not null default 0,
    tickets_solved              bigint not null default 0,
    resolution_seconds_sum      bigint not null default 0,
    tickets_solved_within_sla   bigint not null default 0,
    reopens                     bigint not null default 0,
    sla_breaches                bigint not null default 0,
    csat_answers                bigint not null default 0,
    csat_satisfied              bigint not null default 0,
    csat_score_sum              bigint not null default 0,
    primary key (dimension, day, value)
);
-- one team's or agent's months (the scorecard, a partner's own view)
create index split_daily_by_value on split_daily (dimension, value, day);

-- A partner contact centre: its team id, its name, and its contracted targets (JSON list, see PartnerTargets).
create table partner_team (
    team_id    text primary key,
    name       text not null,
    targets    text not null,
    version    integer not null default 1,
    updated_at timestamptz not null,
    updated_by text not null
);

-- Messages sent with a template variant, and what followed them: a contact about the same order within 7 days,
-- the customer's CSAT about that order.
create table notification_fact (
    notification_id text primary key,
    customer_id     text,
    order_id        text,
    template_id     text not null,
    variant         text not null,
    sent_at         timestamptz not null,
    contacted_at    timestamptz,
    csat_score      integer
);
create index notification_fact_order on notification_fact (order_id, sent_at) where order_id is not null;

-- Per template variant and local day the message was sent on.
create table variant_daily (
    day            date   not null,
    template_id    text   not null,
    variant        text   not null,
    sent           bigint not null default 0,
    with_order     bigint not null default 0,
    contacted_7d   bigint not null default 0,
    csat_answers   bigint not null default 0,
    csat_satisfied bigint not null default 0,
    csat_score_sum bigint not null default 0,
    primary key (day, template_id, variant)
);

-- a message's contacts within the window, looked up when the message's event comes after them
create index contact_fact_order on contact_fact (order_id, received_at) where order_id is not null;
