-- The active tickets each agent holds, one narrow row per ticket, kept by triggers on ticket.
-- Assignment counts an agent's active tickets on every contact to apply the per-agent cap. Counted on ticket, that
-- visited one heap page per active ticket of the team (800 pages, a millisecond of PostgreSQL per contact in the
-- tickets benchmark, most of the database's work for a contact); these rows fill a few pages. Rows rather than a
-- counter on agent: a counter is one hot row per agent, locked by every change to that agent's tickets, in
-- whatever order the transactions touching several agents take them.

create table agent_assignment (
    ticket_id uuid primary key,
    agent_id  text not null
);
create index agent_assignment_agent_idx on agent_assignment (agent_id);

insert into agent_assignment (ticket_id, agent_id)
select id, agent_id from ticket
where agent_id is not null and merged_into is null and status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER');

-- the statuses are TicketStatus.ACTIVE; a test compares these rows with a count over ticket
create function agent_assignment_follow() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        delete from agent_assignment where ticket_id = old.id;
    end if;
    if tg_op <> 'DELETE' and new.agent_id is not null and new.merged_into is null
            and new.status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER') then
        insert into agent_assignment (ticket_id, agent_id) values (new.id, new.agent_id);
    end if;
    return null;
end
$$;

create trigger ticket_assigned after insert on ticket for each row
    when (new.agent_id is not null and new.merged_into is null
          and new.status in ('NEW', 'ON_HOLD', 'OPEN', 'PENDING_CUSTOMER'))
    execute function agent_assignment_follow();
create trigger ticket_assignment_changed after update on ticket for each row
    when (old.agent_id is distinct from new.agent_id or old.status is distinct from new.status
          or old.merged_into is distinct from new.merged_into)
    execute function agent_assignment_follow();
create trigger ticket_removed after delete on ticket for each row
    when (old.agent_id is not null) execute function agent_assignment_follow();

create function agent_assignment_clear() returns trigger language plpgsql as $$
begin
    delete from agent_assignment;
    return null;
end
$$;
create trigger ticket_truncated after truncate on ticket for each statement execute function agent_assignment_clear();
