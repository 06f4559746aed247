-- Read model of orders learnt from order-status.v1: what was bought, by whom, delivered when.
create table customer_order (
    order_id        text primary key,
    customer_id     text not null,
    purchase_number integer,
    status          text not null,
    status_at       timestamptz not null,
    currency        text,
    total           numeric(14, 2),
    lines           text not null,          -- JSON array of the contract's OrderLine
    placed_at       timestamptz,
    delivered_at    timestamptz,
    updated_at      timestamptz not null
);
create index customer_order_customer on customer_order (customer_id);

-- Return policy versions; the highest version is in force. Never updated, only appended.
create table return_policy (
    version    integer primary key,
    policy     text not null,               -- JSON of domain.ReturnPolicy
    created_at timestamptz not null,
    created_by text not null
);

-- Risk rule set versions; the highest version is in force. Never updated, only appended.
create table risk_rule_set (
    version    integer primary key,
    rules      text not null,               -- JSON of domain.RiskRuleSet
    created_at timestamptz not null,
    created_by text not null
);

-- Return requests (RMA) and their lifecycle.
create table return_request (
    return_id            text primary key,
    order_id             text not null,
    customer_id          text not null,
    idempotency_key      text,
    status               text not null,
    requested_at         timestamptz not null,
    lines                text not null,     -- JSON array of the contract's ReturnLine
    preferred_resolution text not null,
    comment              text,
    currency             text not null,
    total_value          numeric(14, 2) not null,
    delivered_at         timestamptz not null,
    policy_version       integer not null,
    customer_history     text not null,     -- JSON of the contract's CustomerReturnHistory
    return_shipping_fee  numeric(14, 2) not null,
    outcome              text,
    decision             text,              -- JSON of the latest decision (service.DecisionView)
    decided_at           timestamptz,
    rma_code             text unique,
    carrier              text,
    tracking_number      text,
    label_pdf            bytea,
    label_issued_at      timestamptz,
    label_expires_at     timestamptz,
    updated_at           timestamptz not null,
    unique (customer_id, idempotency_key)
);
create index return_request_order on return_request (order_id);
create index return_request_customer on return_request (customer_id, requested_at);
create index return_request_status on return_request (status, requested_at);

-- What the risk consumer decided, one row per return: replaying return-requests.v1 decides nothing new.
create table risk_decision (
    return_id        text primary key,
    event_id         text not null,
    outcome          text not null,
    score            numeric(10, 2) not null,
    fired_rules      text not null,         -- JSON array of the contract's FiredRule
    rule_set_version integer not null,
    total_value      numeric(14, 2) not null,
    decided_at       timestamptz not null
);
