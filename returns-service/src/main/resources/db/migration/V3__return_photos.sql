-- Photos a customer sends with a return (a damaged item), kept here and nowhere else. They may show the customer's
-- home or face: a tombstone on customers.v1 deletes them with the rest of the customer's personal data.
create table return_photo (
    photo_id     uuid        primary key,
    return_id    text        not null references return_request (return_id),
    customer_id  text        not null,
    content_type text        not null,
    size_bytes   integer     not null,
    data         bytea       not null,
    created_at   timestamptz not null
);
create index return_photo_by_return on return_photo (return_id);
create index return_photo_by_customer on return_photo (customer_id);
