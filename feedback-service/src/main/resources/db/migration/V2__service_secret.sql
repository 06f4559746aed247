-- Secrets this service generates for itself when none is configured (see SurveyTokens): shared by
-- every replica through the database, never a built-in default.
create table service_secret (
    name       text primary key,
    value      text not null,
    created_at timestamptz not null default now()
);
