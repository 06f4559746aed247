-- Orders as this service tracks them: one row per order, updated on every real transition.
create table customer_order (
    order_id                varchar(200)   primary key,
    customer_id             varchar(200)   not null,
    status                  varchar(32)    not null,
    progress                varchar(32)    not null,
    status_since            timestamptz    not null,
    placed_at               timestamptz    not null,
    purchase_number         integer        not null check (purchase_number >= 1),
    locale                  varchar(35),
    sales_channel           varchar(32),
    currency                varchar(3)     not null,
    total                   numeric(19, 4) not null,
    lines                   text           not null,
    promised_delivery_date  date,
    shipping_city           varchar(200),
    shipping_postcode       varchar(20),
    shipping_country        varchar(2),
    carrier                 varchar(100),
    tracking_number         varchar(200),
    tracking_url            varchar(2000),
    estimated_delivery_date date,
    last_carrier_scan_at    timestamptz,
    delivered_at            timestamptz,
    exception_reason_code   varchar(100),
    source                  varchar(200),
    version                 bigint         not null default 0
);
-- "My orders", newest first.
create index customer_order_by_customer on customer_order (customer_id, placed_at desc);
-- The delay check only looks at open orders; these partial indexes keep it cheap as closed orders pile up.
create index customer_order_open_by_promised_date on customer_order (promised_delivery_date)
    where status not in ('DELIVERED', 'CANCELLED', 'RETURNED') and promised_delivery_date is not null;
create index customer_order_with_carrier_by_last_scan on customer_order (last_carrier_scan_at)
    where status in ('SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY');
create index customer_order_in_exception on customer_order (order_id) where status = 'EXCEPTION';

-- Every inbound event per order, with what it did (late and repeated ones too).
create table order_timeline_entry (
    id              uuid         primary key,
    order_id        varchar(200) not null,
    event_id        varchar(200) not null,
    event_type      varchar(64)  not null,
    reported_status varchar(32),
    outcome         varchar(16)  not null,
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    detail          varchar(2000)
);
create index order_timeline_entry_by_order on order_timeline_entry (order_id, occurred_at);

-- Events that came before their order's ORDER_PLACED.
create table pending_order_event (
    id          uuid         primary key,
    order_id    varchar(200) not null,
    event_id    varchar(200) not null,
    event_type  varchar(64)  not null,
    occurred_at timestamptz  not null,
    received_at timestamptz  not null,
    payload     text         not null
);
create index pending_order_event_by_order on pending_order_event (order_id);

-- How many orders each customer placed: the purchase number of the next one (1st, 2nd, 3rd...).
create table customer_purchase_count (
    customer_id   varchar(200) primary key,
    orders_placed integer      not null
);

-- Delays reported, once per order and cause.
create table order_delay (
    id          uuid         primary key,
    order_id    varchar(200) not null,
    cause       varchar(32)  not null,
    detected_at timestamptz  not null,
    unique (order_id, cause)
);
