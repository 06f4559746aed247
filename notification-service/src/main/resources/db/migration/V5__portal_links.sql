-- The customer portal's ways in (see the README, "Portal links"): one link per order and its customer, carried by
-- every message about the order, and what a lookup without a link compares (the order's customer, whose e-mail is in
-- customer_contact, and the order's delivery postcode from orders.lifecycle.v1). Erasing the customer deletes the
-- rows: their links stop working and their orders can no longer be looked up.
create table portal_link (
    order_id    text        primary key,
    customer_id text        not null,
    link_id     uuid        not null unique,
    postcode    text,
    -- the expiry the latest tokens carry; null until a message carried one
    expires_at  timestamptz,
    created_at  timestamptz not null
);
create index portal_link_by_customer on portal_link (customer_id);
