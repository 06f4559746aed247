-- Portal link visits and unsubscribes per template variant (notification.portal-link-opened and
-- notification.unsubscribed, each published once per message): what each message's links were used for, counted on
-- the day the message was sent, as the other A/B figures are.
create table notification_link_fact (
    notification_id text        not null,
    -- PORTAL_VISIT or UNSUBSCRIBE
    action          text        not null,
    occurred_at     timestamptz not null,
    primary key (notification_id, action)
);

alter table notification_fact add column portal_visited_at timestamptz, add column unsubscribed_at timestamptz;

alter table variant_daily add column portal_visits bigint not null default 0,
    add column unsubscribes bigint not null default 0;
