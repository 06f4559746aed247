-- The relay's logical replication slot, created with the schema so that events committed before
-- the relay first starts are kept by PostgreSQL until it reads them. Its own migration because a
-- slot cannot be created in a transaction that has already written.
select pg_create_logical_replication_slot('${outbox_slot}', 'pgoutput')
where not exists (select 1 from pg_replication_slots where slot_name = '${outbox_slot}');
