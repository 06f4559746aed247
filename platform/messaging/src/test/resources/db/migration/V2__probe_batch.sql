create table probe_batch_effect (
    event_id varchar(128) not null,
    order_id varchar(128) not null,
    status   varchar(32)  not null
);
