-- Issue 31: first-response time leaves automatic answers out; they are counted apart (their share). Days counted
-- before this migration keep their automatic answers among first_responses (the events did not tell them apart here).
alter table kpi_daily add column automatic_first_responses bigint not null default 0;
