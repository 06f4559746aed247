-- Trigger events that wait a moment before they are planned: a new ticket's acknowledgement (an automatic answer
-- to the same contact, published right after, cancels it) and the message of a ticket the platform opened itself
-- (the order event about the same problem usually comes first and says it with more facts).
create table held_event (
    source_event_id text primary key,
    trigger         text not null,
    ticket_id       text,
    order_id        text,
    incident        text,
    payload         text not null,
    release_at      timestamptz not null
);
create index held_event_by_release on held_event (release_at);
create index held_event_by_ticket on held_event (ticket_id) where ticket_id is not null;

-- One proactive message per order and problem (DELAY, SHIPMENT_EXCEPTION), whichever event tells it first:
-- order.delayed, an EXCEPTION status change or the proactive ticket.created.
create table proactive_incident (
    order_id        text not null,
    problem         text not null,
    source_event_id text not null,
    planned_at      timestamptz not null,
    primary key (order_id, problem)
);

-- An update held back by the daily cap keeps the event it came from, so that it can be sent as itself once the
-- cap allows (several waiting go out as one digest instead).
alter table delivery add column held_event text;

-- "Was this ticket acknowledged already?" for a contact that joins an open ticket.
create index delivery_by_ticket on delivery (ticket_id, trigger) where ticket_id is not null;
