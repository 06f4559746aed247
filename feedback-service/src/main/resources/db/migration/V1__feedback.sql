-- feedback-service: read models learned from the topics, surveys and answers, and the KPI rollups.
-- "day" columns are local dates in feedback.kpi.time-zone; rollups are bumped in the consumer's
-- transaction, so an event and its KPI effect commit (or are deduplicated) together.

-- Read models (facts) ----------------------------------------------------------------------------

create table customer_profile (
    customer_id text primary key,
    locale      text,
    erased_at   timestamptz
);

create table order_fact (
    order_id     text primary key,
    customer_id  text,
    placed_at    timestamptz,
    placed_day   date,                          -- null while only a contact/return mentioned the order
    status       text,
    carrier      text,
    delivered_at timestamptz,
    delayed      boolean not null default false,
    defect       boolean not null default false,
    locale       text
);
create index order_fact_customer on order_fact (customer_id);

create table order_line_fact (
    order_id text not null,
    sku      text not null,
    category text,
    quantity integer not null,
    primary key (order_id, sku)
);

create table ticket_fact (
    ticket_id     text primary key,
    customer_id   text,
    order_id      text,
    reason        text,
    created_at    timestamptz,
    open          boolean not null default false,
    solved_once   boolean not null default false,
    sla_met       boolean,
    first_response_recorded boolean not null default false
);
create index ticket_fact_open_customer on ticket_fact (customer_id) where open;

create table contact_fact (
    contact_id  text primary key,
    ticket_id   text not null,
    customer_id text,
    order_id    text,
    reason      text not null,
    received_at timestamptz not null
);

create table return_fact (
    return_id     text primary key,
    order_id      text,
    customer_id   text,
    requested_at  timestamptz,
    main_reason   text,
    open          boolean not null default true,
    decided       boolean not null default false
);
create index return_fact_open_customer on return_fact (customer_id) where open;

-- Surveys and answers ----------------------------------------------------------------------------

create table survey (
    survey_id         text primary key,
    customer_id       text not null,
    kind              text not null,           -- NPS | CSAT
    trigger           text not null,           -- ORDER_DELIVERED | TICKET_SOLVED | RETURN_REFUNDED
    subject_id        text not null,           -- the order, ticket or return it is about
    status            text not null,           -- PENDING | SENT | ANSWERED | SUPPRESSED | DROPPED
    status_reason     text,
    triggered_at      timestamptz not null,
    due_at            timestamptz not null,
    held_reason       text,
    checked_at        timestamptz,              -- last time the sender looked at it
    invited_at        timestamptz,
    expires_at        timestamptz,
    locale            text,
    ctx_order_id      text,
    ctx_carrier       text,
    ctx_delayed       boolean,
    ctx_return_id     text,
    ctx_return_reason text,
    ctx_ticket_id     text,
    ctx_ticket_reason text,
    ctx_sla_met       boolean,
    unique (trigger, subject_id)
);
create index survey_pending_due on survey (due_at) where status = 'PENDING';
create index survey_invited_customer on survey (customer_id, kind, invited_at) where invited_at is not null;
create index survey_customer on survey (customer_id);

create table answer (
    survey_id         text primary key references survey (survey_id),
    customer_id       text not null,
    kind              text not null,
    trigger           text not null,
    score             integer not null,
    comment           text,
    low_score_reason  text,
    locale            text,
    answered_at       timestamptz not null,
    day               date not null,
    detractor         boolean not null,
    recovered_at      timestamptz,
    ctx_order_id      text,
    ctx_carrier       text,
    ctx_delayed       boolean,
    ctx_return_id     text,
    ctx_return_reason text,
    ctx_ticket_id     text,
    ctx_ticket_reason text,
    ctx_sla_met       boolean
);
create index answer_unrecovered on answer (customer_id, answered_at) where detractor and recovered_at is null;
create index answer_customer on answer (customer_id);

-- KPI rollups: one row per local day (and dimension); a year is a few hundred rows per query ------

create table kpi_daily (
    day                          date primary key,
    orders                       bigint not null default 0,
    units_ordered                bigint not null default 0,
    contacts                     bigint not null default 0,
    tickets_created              bigint not null default 0,
    first_responses              bigint not null default 0,
    first_response_seconds_sum   bigint not null default 0,
    first_responses_within_sla   bigint not null default 0,
    tickets_solved               bigint not null default 0,
    resolution_seconds_sum       bigint not null default 0,
    tickets_solved_within_sla    bigint not null default 0,
    reopens                      bigint not null default 0,
    sla_breaches                 bigint not null default 0,
    defective_orders             bigint not null default 0,
    returns_requested            bigint not null default 0,
    units_returned               bigint not null default 0,
    returns_decided              bigint not null default 0,
    returns_auto_approved        bigint not null default 0,
    notifications                bigint not null default 0,
    nps_answers                  bigint not null default 0,
    nps_promoters                bigint not null default 0,
    nps_detractors               bigint not null default 0,
    csat_answers                 bigint not null default 0,
    csat_satisfied               bigint not null default 0,
    csat_score_sum               bigint not null default 0,
    detractors                   bigint not null default 0,
    recovered_detractors         bigint not null default 0
);

-- First-response times as a log-bucketed histogram per day (bucket b holds times in (1.02^(b-1), 1.02^b] s).
create table first_response_histogram (
    day       date    not null,
    bucket    integer not null,
    responses bigint  not null default 0,
    primary key (day, bucket)
);

create table contact_reason_daily (
    day      date not null,
    reason   text not null,
    contacts bigint not null default 0,
    primary key (day, reason)
);

create table category_daily (
    day            date not null,
    category       text not null,
    units_ordered  bigint not null default 0,
    units_returned bigint not null default 0,
    primary key (day, category)
);

-- Per sku, by day and by month: a query reads whole months from the monthly table and only the
-- partial months at the edges of its range from the daily one.
create table sku_daily (
    day            date not null,
    sku            text not null,
    units_ordered  bigint not null default 0,
    units_returned bigint not null default 0,
    contacts       bigint not null default 0,
    primary key (day, sku)
);
create table sku_monthly (
    day            date not null,                -- first day of the month
    sku            text not null,
    units_ordered  bigint not null default 0,
    units_returned bigint not null default 0,
    contacts       bigint not null default 0,
    primary key (day, sku)
);
create table sku_reason_daily (
    day      date not null,
    sku      text not null,
    reason   text not null,
    contacts bigint not null default 0,
    primary key (day, sku, reason)
);
create table sku_reason_monthly (
    day      date not null,
    sku      text not null,
    reason   text not null,
    contacts bigint not null default 0,
    primary key (day, sku, reason)
);

-- NPS/CSAT by driver: dimension CARRIER | DELAYED | RETURN_REASON | TICKET_REASON.
create table driver_daily (
    day        date not null,
    kind       text not null,
    dimension  text not null,
    value      text not null,
    answers    bigint not null default 0,
    promoters  bigint not null default 0,
    detractors bigint not null default 0,
    satisfied  bigint not null default 0,
    score_sum  bigint not null default 0,
    primary key (day, kind, dimension, value)
);
