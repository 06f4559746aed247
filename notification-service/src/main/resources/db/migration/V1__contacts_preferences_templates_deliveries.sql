-- Contact store: the latest customers.v1 snapshot per customer. An erased customer keeps only its id.
create table customer_contact (
    customer_id         text primary key,
    email               text,
    phone               text,
    push_token          text,
    first_name          text,
    last_name           text,
    language            text,
    time_zone           text,
    birthday            date,
    first_purchase_date date,
    consent_email       boolean not null default false,
    consent_sms         boolean not null default false,
    consent_whatsapp    boolean not null default false,
    consent_push        boolean not null default false,
    erased              boolean not null default false,
    updated_at          timestamptz not null
);

-- What the customer chose: channels per message kind (JSON object kind -> channel -> on/off), quiet hours, language.
create table customer_preferences (
    customer_id  text primary key,
    language     text,
    quiet_start  time,
    quiet_end    time,
    channels     text not null,
    version      integer not null,
    updated_at   timestamptz not null
);

-- Message templates: one per trigger x channel x locale, with weighted A/B variants (JSON array).
create table message_template (
    id          text primary key,
    trigger     text not null,
    channel     text not null,
    locale      text not null,
    variants    text not null,
    version     integer not null,
    updated_at  timestamptz not null,
    updated_by  text
);

-- Every earlier version of a template, so an edit can be traced and undone.
create table message_template_history (
    template_id text not null,
    version     integer not null,
    variants    text not null,
    updated_at  timestamptz not null,
    updated_by  text,
    primary key (template_id, version)
);

-- Every delivery, whatever became of it. (source_event_id, channel) is unique: never the same message twice.
create table delivery (
    id                  uuid primary key,
    customer_id         text not null,
    source_event_id     text not null,
    source_event_type   text not null,
    trigger             text not null,
    kind                text not null,
    channel             text,
    template_id         text,
    variant             text,
    locale              text,
    status              text not null,
    reason              text,
    recipient           text,
    subject             text,
    body                text,
    summary             text,
    unsubscribe_url     text,
    send_after          timestamptz,
    attempts            integer not null default 0,
    error_code          text,
    provider_message_id text,
    folded_into         uuid,
    order_id            text,
    return_id           text,
    ticket_id           text,
    survey_id           text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create unique index delivery_once_per_event_and_channel on delivery (source_event_id, coalesce(channel, '-'));
create index delivery_by_customer on delivery (customer_id, created_at desc);
create index delivery_by_order on delivery (order_id, created_at desc) where order_id is not null;
create index delivery_due on delivery (status, send_after) where status in ('QUEUED', 'DEFERRED', 'SENDING');

-- Trigger events whose customer is not known yet: they wait (bounded) for customers.v1.
create table pending_event (
    source_event_id   text primary key,
    customer_id       text not null,
    source_event_type text not null,
    payload           text not null,
    received_at       timestamptz not null,
    wait_until        timestamptz not null
);
create index pending_event_by_customer on pending_event (customer_id);
create index pending_event_by_deadline on pending_event (wait_until);
