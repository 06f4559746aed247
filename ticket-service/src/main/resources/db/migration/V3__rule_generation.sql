-- Which generation of the rules (priority rules, SLA policies, routing) is in force.
-- Every instance keeps the rules parsed in memory and reads this one row per transaction to know whether its copy
-- is still the one in force. Any change to the rule tables, by the admin API, a migration or plain SQL, sets the
-- row to a fresh value from a sequence: a value is never handed out twice, so a change that rolled back cannot
-- leave behind a copy that a later change would appear to match.

create sequence rule_generation_seq;

create table rule_generation (
    only_row boolean primary key default true check (only_row),
    n        bigint  not null
);
insert into rule_generation (n) values (nextval('rule_generation_seq'));

create function rule_generation_bump() returns trigger language plpgsql as $$
begin
    update rule_generation set n = nextval('rule_generation_seq');
    return null;
end
$$;

create trigger priority_rule_set_changed after insert or update or delete or truncate on priority_rule_set
    for each statement execute function rule_generation_bump();
create trigger sla_policy_changed after insert or update or delete or truncate on sla_policy
    for each statement execute function rule_generation_bump();
create trigger routing_rule_changed after insert or update or delete or truncate on routing_rule
    for each statement execute function rule_generation_bump();
