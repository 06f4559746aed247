-- The W3C trace context of the transaction that wrote the event (null when tracing is off). The relay's
-- EventRouter copies it to the record's traceparent header, so a consumer in another service continues the
-- same trace. The table is always empty, so adding the column is instant.
alter table outbox_event add column traceparent varchar(128);
