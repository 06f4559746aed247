-- What customers did with a message's links, once per message and action (PORTAL_LINK_OPENED, UNSUBSCRIBED): the
-- first time publishes notification.portal-link-opened or notification.unsubscribed, later ones publish nothing, so
-- that the A/B results count messages whose link was used, not clicks. Ids only.
create table message_link_event (
    delivery_id uuid        not null,
    action      text        not null,
    occurred_at timestamptz not null,
    primary key (delivery_id, action)
);
