-- Every signature a webhook call was accepted with, until its timestamp leaves the tolerance (after that the
-- timestamp check refuses it anyway): the same signed call sent again is refused as a replay, also after a restart.
-- WebhookReplayGuard deletes the expired rows.
create table webhook_signature (
    signature   varchar(100)  primary key,
    platform_id varchar(200)  not null,
    expires_at  timestamptz   not null
);
create index webhook_signature_expires_at on webhook_signature (expires_at);
