-- What a KPI rebuild needs besides the facts already kept (MaintenanceResource, KpiRebuild): the moments and
-- figures that the rollups were bumped with and that no table held, so that every rollup follows from the facts.
-- Facts recorded before this migration lack them; the rebuild refuses to run over such facts.

-- A ticket's first response and its first solve, as the rollups count them (on their own days).
alter table ticket_fact
    add column first_response_at         timestamptz,
    add column first_response_seconds    bigint,
    add column first_response_within_sla boolean,
    add column solved_at                 timestamptz,
    add column resolution_seconds        bigint,
    add column solved_within_sla         boolean;

-- A return's first decision, and whether the risk engine approved it by itself.
alter table return_fact
    add column decided_at    timestamptz,
    add column auto_approved boolean;

-- The lines of a return request: units returned by category and sku, and returns that make an order defective.
create table return_line_fact (
    return_id text    not null,
    line_no   integer not null,
    sku       text,
    category  text,
    quantity  integer not null,
    reason    text,
    primary key (return_id, line_no)
);

-- The reason a contact came with: per-sku reason counts keep it when an agent corrects the ticket's reason.
alter table contact_fact add column reason_at_contact text;
