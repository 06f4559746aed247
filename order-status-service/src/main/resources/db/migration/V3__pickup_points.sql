-- Where an order waits for collection and until when (SHIPMENT_AVAILABLE_FOR_PICKUP), for the customer's tracking
-- page: the latest pickup report that counted. A pickup point is a public place (a shop, a locker), like the
-- timeline's scan locations, so erasure keeps it as it keeps those.
create table order_pickup_point (
    order_id          varchar(200)  primary key,
    pickup_point_id   varchar(200),
    pickup_point_name varchar(500),
    available_until   timestamptz,
    reported_at       timestamptz   not null
);
