package io.postventa.ticket.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.RoundRobin;
import io.postventa.ticket.domain.Team;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Routes a ticket to the team of its reason and hands it to the team's next agent with room (round-robin, capped);
 * hands a team's waiting tickets out as agents get room, and the most urgent one to an agent who asks for it.
 */
@ApplicationScoped
public class Assignment {
    /** The team's cap and rotation with each of its agents' active tickets; a team without agents gives one row. */
    /**
     * A team's cap and rotation with each agent's active tickets counted up to the cap, which is all a decision
     * needs (an agent at the cap is as full as one above it). Counting every active ticket let the planner, once
     * the agents held thousands between them, hash-join all active tickets of the table (1.2 s a new ticket over
     * the benchmark's million, after an autoanalyze); each agent's count now stops at the cap through the agent's
     * index, whatever the statistics say.
     */
    public static final String TEAM_LOADS = "select tm.agent_cap, tm.last_assigned_agent, a.id, a.available, l.n"
            + " from team tm left join agent a on a.team_id = tm.id"
            + " left join lateral (select count(*) as n from (select 1 from ticket t where t.agent_id = a.id"
            + " and t.merged_into is null and t.status in " + TicketSql.ACTIVE_LITERALS
            + " limit tm.agent_cap) capped) l on true"
            + " where tm.id = :team order by a.id";
    private static final int QUEUE_PAGE = 20;
    private final TicketConfig config;
    private final EntityManager em;
    private final RuleStore rules;
    private final Clock clock;
    private final TicketMessages messages;

    public Assignment(TicketConfig config, EntityManager em, RuleStore rules, Clock clock, TicketMessages messages) {
        this.config = config;
        this.em = em;
        this.rules = rules;
        this.clock = clock;
        this.messages = messages;
    }

    public String teamFor(ContactReason reason) {
        String team = rules.current().teamFor(reason);
        return team != null ? team : config.defaultTeam();
    }

    /** A team's cap and rotation as stored, with its agents' loads. */
    private record TeamLoads(int cap, String lastAssignedAgent, List<RoundRobin.AgentLoad> agents) {
    }

    /** Assigns {@code ticket} within its team; leaves it unassigned in the team queue when every agent is full or away. */
    public Optional<String> assign(Ticket ticket) {
        // When every agent is away or full (a busy day) nobody can take it: the ticket waits in the queue without
        // locking the team, so such contacts do not queue up behind each other until commit. An agent freed
        // meanwhile is handed the oldest waiting ticket by fillQueue, as when the lock is taken. The team's cap
        // and rotation come in the same statement as the loads: loading the team first cost a statement per contact.
        TeamLoads before = loadsOf(ticket.teamId);
        if (before == null || RoundRobin.next(before.agents(), before.lastAssignedAgent(), before.cap()).isEmpty()) {
            return Optional.empty();
        }
        Team team = Team.findById(ticket.teamId);
        if (team == null) {
            return Optional.empty();
        }
        // the team row lock serialises concurrent assignments so the cap and the rotation hold: read again under it
        if (em.getLockMode(team) != LockModeType.PESSIMISTIC_WRITE) {
            em.flush(); // this transaction's own changes to the team (an admin's new cap) survive the re-read
            em.refresh(team, LockModeType.PESSIMISTIC_WRITE);
        }
        Optional<String> next = RoundRobin.next(loadsOf(team.id).agents(), team.lastAssignedAgent, team.agentCap);
        next.ifPresent(agentId -> {
            ticket.agentId = agentId;
            team.lastAssignedAgent = agentId;
        });
        return next;
    }

    /**
     * The team with every agent of it and their active tickets, in one statement: counting agent by agent cost a query
     * (and, through Panache's count, a fresh query translation) per agent and contact. It does not flush: a new
     * ticket (the common caller) has no agent yet, and flushing it here inserted it only to update it again at
     * commit; fillQueue, whose earlier assignments and agent changes must count, flushes itself.
     */
    @SuppressWarnings("unchecked")
    private TeamLoads loadsOf(String teamId) {
        List<Object[]> rows = em.createNativeQuery(TEAM_LOADS).setParameter("team", teamId).unwrap(NativeQuery.class)
                .setQueryFlushMode(QueryFlushMode.NO_FLUSH).getResultList();
        if (rows.isEmpty()) {
            return null; // no such team
        }
        List<RoundRobin.AgentLoad> loads = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[2] != null) {
                loads.add(new RoundRobin.AgentLoad((String) row[2], (Boolean) row[3], ((Number) row[4]).intValue()));
            }
        }
        return new TeamLoads(((Number) rows.get(0)[0]).intValue(), (String) rows.get(0)[1], List.copyOf(loads));
    }

    /**
     * Gives a team's waiting tickets, most urgent first (priority, then the nearest SLA due time, then the oldest),
     * to agents who have room again. The order is the one of ticket_team_queue_idx.
     */
    public int fillQueue(String teamId) {
        // a page at a time: a busy team's queue holds thousands of tickets, and agents usually have room for a few
        int assigned = 0;
        while (true) {
            List<Ticket> page = Ticket.<Ticket>find("teamId = ?1 and agentId is null and status in " + TicketSql.ACTIVE_LITERALS
                    + " and mergedInto is null order by " + TicketSql.URGENCY_HQL, teamId)
                    .range(0, QUEUE_PAGE - 1).list();
            for (Ticket ticket : page) {
                em.flush(); // the agent's change that made room, and the assignments before this one, count
                if (assign(ticket).isEmpty()) {
                    return assigned;
                }
                assigned++;
            }
            if (page.size() < QUEUE_PAGE) {
                return assigned;
            }
        }
    }

    /**
     * Gives {@code agentId} the most urgent unassigned active ticket of {@code teamId} (any team when null), in
     * {@link TicketSql#URGENCY_SQL} order; empty when none waits. The row is locked and skipped by concurrent callers,
     * so two agents taking at once get two different tickets.
     */
    public Optional<Ticket> takeNext(String teamId, String agentId) {
        String sql = "select * from ticket where agent_id is null and merged_into is null and status in "
                + TicketSql.ACTIVE_LITERALS + (teamId == null ? "" : " and team_id = :team") + " order by "
                + TicketSql.URGENCY_SQL + " limit 1 for update skip locked";
        var query = em.createNativeQuery(sql, Ticket.class);
        if (teamId != null) {
            query.setParameter("team", teamId);
        }
        @SuppressWarnings("unchecked")
        List<Ticket> found = query.getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Ticket t = found.get(0);
        t.agentId = agentId;
        t.updatedAt = clock.instant();
        messages.system(t, agentId, "taken by " + agentId);
        return Optional.of(t);
    }
}
