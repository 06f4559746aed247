-- Shipped by platform/messaging; every service adds db/postventa to quarkus.flyway.locations.
-- Service migrations start at V1, so these versions never collide with them.

-- Outgoing events. A row is inserted and deleted in the service's own transaction: the relay
-- reads the INSERT from the WAL, so the table stays empty and nothing piles up.
create table outbox_event (
    id            uuid         primary key,
    aggregatetype varchar(64)  not null,
    aggregateid   varchar(128) not null,
    type          varchar(128) not null,
    topic         varchar(128) not null,
    payload       jsonb        not null,
    occurred_at   timestamptz  not null
);

-- Written by the relay's heartbeat so the replication slot advances while the outbox is idle
-- and the WAL it holds stays small.
create table outbox_heartbeat (
    id      int         primary key,
    beat_at timestamptz not null
);
insert into outbox_heartbeat (id, beat_at) values (1, now());

-- Only these two tables, only inserts and updates: deletes of relayed rows are not streamed.
create publication postventa_outbox for table outbox_event, outbox_heartbeat with (publish = 'insert, update');

-- Incoming events already applied, per consumer: written in the same transaction as the effect,
-- so a redelivered event is recognised and skipped.
create table processed_event (
    consumer     varchar(128) not null,
    event_id     varchar(128) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index processed_event_processed_at on processed_event (processed_at);
