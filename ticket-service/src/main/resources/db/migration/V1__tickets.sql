-- Read models learned from other services' topics
create extension if not exists pg_trgm;

create table customer (
    id          text primary key,
    email       text,
    phone       text,
    first_name  text,
    last_name   text,
    language    text,
    erased      boolean not null default false,
    updated_at  timestamptz not null
);
create index customer_email_idx on customer (lower(email));
create index customer_phone_idx on customer (phone);
create index customer_name_trgm_idx on customer using gin ((coalesce(first_name, '') || ' ' || coalesce(last_name, '')) gin_trgm_ops);

create table order_view (
    order_id        text primary key,
    customer_id     text,
    status          text,
    purchase_number int,
    locale          text,
    currency        text,
    total           numeric(14, 2),
    placed_at       timestamptz,
    promised_date   date,
    carrier         text,
    tracking_number text,
    tracking_url    text,
    delivered_at    timestamptz,
    exception_code  text,
    delayed         boolean not null default false,
    delay_cause     text,
    city            text,
    products        text,
    updated_at      timestamptz not null
);
create index order_view_customer_idx on order_view (customer_id);
create index order_view_total_idx on order_view (total);
create index order_view_city_idx on order_view (lower(city));
create index order_view_products_trgm_idx on order_view using gin (products gin_trgm_ops);

create table return_view (
    return_id   text primary key,
    order_id    text,
    customer_id text,
    state       text not null,
    outcome     text,
    rma_code    text,
    currency    text,
    total_value numeric(14, 2),
    updated_at  timestamptz not null
);
create index return_view_order_idx on return_view (order_id);
create index return_view_customer_idx on return_view (customer_id);

-- Teams, agents and routing
create table team (
    id                  text primary key,
    name                text not null,
    partner             boolean not null default false,
    agent_cap           int not null default 25,
    last_assigned_agent text
);
create table agent (
    id        text primary key,
    team_id   text not null references team (id),
    name      text,
    available boolean not null default true
);
create index agent_team_idx on agent (team_id);
create table routing_rule (
    reason  text primary key,
    team_id text not null references team (id)
);
insert into team (id, name, partner, agent_cap) values ('in-house', 'In-house support', false, 25);

-- Rules as data
create table priority_rule_set (
    version    int primary key,
    body       text not null,
    created_at timestamptz not null,
    created_by text
);
create table sla_policy (
    id                        text primary key,
    priority                  text,
    channel                   text,
    first_response_minutes    int not null,
    resolution_minutes        int not null,
    time_zone                 text not null,
    hours                     text not null,
    holidays                  text not null,
    pause_with_carrier        boolean not null default false,
    pause_return_in_transit   boolean not null default false,
    version                   int not null default 1,
    updated_at                timestamptz not null
);
create table procedure (
    id         text primary key,
    reason     text not null,
    name       text not null,
    steps      text not null,
    reply_es   text not null,
    reply_en   text not null,
    version    int not null default 1,
    updated_at timestamptz not null
);
create index procedure_reason_idx on procedure (reason);

-- Tickets
create table ticket (
    id                      uuid primary key,
    status                  text not null,
    reason                  text not null,
    reason_source           text not null,
    priority                text not null,
    channel                 text,
    origin                  text not null,
    customer_id             text,
    email                   text,
    phone                   text,
    order_id                text,
    subject                 text,
    language                text,
    team_id                 text not null,
    agent_id                text,
    sla_policy_id           text not null,
    sla_started_at          timestamptz not null,
    sla_paused_seconds      bigint not null default 0,
    sla_paused_since        timestamptz,
    first_response_due_at   timestamptz,
    resolution_due_at       timestamptz,
    first_response_at       timestamptz,
    first_response_breached boolean not null default false,
    resolution_breached     boolean not null default false,
    solved_at               timestamptz,
    auto_solved             boolean not null default false,
    reopen_count            int not null default 0,
    procedure_id            text,
    merged_into             uuid,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint not null default 0
);
create index ticket_order_idx on ticket (order_id) where merged_into is null;
create index ticket_customer_idx on ticket (customer_id, created_at desc);
create index ticket_queue_idx on ticket (team_id, status, priority, created_at);
create index ticket_agent_idx on ticket (agent_id, status);
create index ticket_first_due_idx on ticket (first_response_due_at) where first_response_at is null and not first_response_breached;
create index ticket_resolution_due_idx on ticket (resolution_due_at) where not resolution_breached;

create table ticket_message (
    id              uuid primary key,
    ticket_id       uuid not null references ticket (id),
    kind            text not null,
    author          text,
    channel         text,
    subject         text,
    body            text not null,
    ivr_option      text,
    procedure_id    text,
    idempotency_key text unique,
    created_at      timestamptz not null
);
create index ticket_message_ticket_idx on ticket_message (ticket_id, created_at);
