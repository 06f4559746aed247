-- Events relayed on behalf of others keep their own ids and sources (an e-commerce platform's
-- event id is not always a UUID), and a null payload becomes a Kafka tombstone (erase a customer
-- on the compacted customers.v1). The table is always empty, so these changes are instant.
alter table outbox_event alter column id type varchar(128) using id::text;
alter table outbox_event alter column payload drop not null;
alter table outbox_event add column source varchar(256);
