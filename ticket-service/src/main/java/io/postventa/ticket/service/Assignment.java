package io.postventa.ticket.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.RoundRobin;
import io.postventa.ticket.domain.RoutingRule;
import io.postventa.ticket.domain.Team;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Routes a ticket to the team of its reason and hands it to the team's next agent with room (round-robin, capped). */
@ApplicationScoped
public class Assignment {
    private static final String AGENT_LOADS = "select a.id, a.available, count(t.id) from agent a"
            + " left join ticket t on t.agent_id = a.id and t.merged_into is null and t.status in "
            + TicketService.ACTIVE_LITERALS + " where a.team_id = :team group by a.id, a.available order by a.id";
    private static final int QUEUE_PAGE = 20;
    private final TicketConfig config;
    private final EntityManager em;

    public Assignment(TicketConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    public String teamFor(ContactReason reason) {
        RoutingRule rule = RoutingRule.findById(reason.name());
        return rule != null ? rule.teamId : config.defaultTeam();
    }

    /** Assigns {@code ticket} within its team; leaves it unassigned in the team queue when every agent is full or away. */
    public Optional<String> assign(Ticket ticket) {
        Team team = Team.findById(ticket.teamId);
        if (team == null) {
            return Optional.empty();
        }
        // When every agent is away or full (a busy day) nobody can take it: the ticket waits in the queue without
        // locking the team, so such contacts do not queue up behind each other until commit. An agent freed
        // meanwhile is handed the oldest waiting ticket by fillQueue, as when the lock is taken.
        if (RoundRobin.next(loadsOf(team.id), team.lastAssignedAgent, team.agentCap).isEmpty()) {
            return Optional.empty();
        }
        // the team row lock serialises concurrent assignments so the cap and the rotation hold: read again under it
        if (em.getLockMode(team) != LockModeType.PESSIMISTIC_WRITE) {
            em.flush(); // this transaction's own changes to the team (an admin's new cap) survive the re-read
            em.refresh(team, LockModeType.PESSIMISTIC_WRITE);
        }
        Optional<String> next = RoundRobin.next(loadsOf(team.id), team.lastAssignedAgent, team.agentCap);
        next.ifPresent(agentId -> {
            ticket.agentId = agentId;
            team.lastAssignedAgent = agentId;
        });
        return next;
    }

    /**
     * Every agent of the team with their active tickets, in one statement: counting agent by agent cost a query
     * (and, through Panache's count, a fresh query translation) per agent and contact. It does not flush: a new
     * ticket (the common caller) has no agent yet, and flushing it here inserted it only to update it again at
     * commit; fillQueue, whose earlier assignments and agent changes must count, flushes itself.
     */
    @SuppressWarnings("unchecked")
    private List<RoundRobin.AgentLoad> loadsOf(String teamId) {
        List<RoundRobin.AgentLoad> loads = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(AGENT_LOADS).setParameter("team", teamId)
                .unwrap(NativeQuery.class).setQueryFlushMode(QueryFlushMode.NO_FLUSH).getResultList()) {
            loads.add(new RoundRobin.AgentLoad((String) row[0], (Boolean) row[1], ((Number) row[2]).intValue()));
        }
        return loads;
    }

    /** Gives the oldest unassigned tickets of a team to agents who have room again. */
    public int fillQueue(String teamId) {
        // a page at a time: a busy team's queue holds thousands of tickets, and agents usually have room for a few
        int assigned = 0;
        while (true) {
            List<Ticket> page = Ticket.<Ticket>find("teamId = ?1 and agentId is null and status in " + TicketService.ACTIVE_LITERALS
                    + " and mergedInto is null order by createdAt, id", teamId)
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
}
