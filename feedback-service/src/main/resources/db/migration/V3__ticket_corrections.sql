-- A ticket merged into another: closed, and no longer counted as a ticket of its own.
alter table ticket_fact add column merged_into text;
