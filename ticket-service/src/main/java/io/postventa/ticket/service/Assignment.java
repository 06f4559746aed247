package io.postventa.ticket.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hibernate.query.NativeQuery;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.Agent;
import io.postventa.ticket.domain.RoundRobin;
import io.postventa.ticket.domain.RoutingRule;
import io.postventa.ticket.domain.Team;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Routes a ticket to the team of its reason and hands it to the team's next agent with room (round-robin, capped). */
@ApplicationScoped
public class Assignment {
    private static final String AGENT_LOADS = "select a.id, a.available, count(t.id) from agent a"
            + " left join ticket t on t.agent_id = a.id and t.merged_into is null and t.status in ("
            + TicketStatus.ACTIVE.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "))
            + ") where a.team_id = :team group by a.id, a.available order by a.id";
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
        // the team row lock serialises concurrent assignments so the cap and the rotation hold
        Team team = Team.findById(ticket.teamId, LockModeType.PESSIMISTIC_WRITE);
        if (team == null) {
            return Optional.empty();
        }
        List<RoundRobin.AgentLoad> loads = new ArrayList<>();
        for (Object[] row : loadsOf(team.id)) {
            loads.add(new RoundRobin.AgentLoad((String) row[0], (Boolean) row[1], ((Number) row[2]).intValue()));
        }
        Optional<String> next = RoundRobin.next(loads, team.lastAssignedAgent, team.agentCap);
        next.ifPresent(agentId -> {
            ticket.agentId = agentId;
            team.lastAssignedAgent = agentId;
        });
        return next;
    }

    /**
     * Every agent of the team with their active tickets, in one statement: counting agent by agent cost a query
     * (and, through Panache's count, a fresh query translation) per agent and contact. Synchronized on agents and
     * tickets so that changes earlier in this transaction (an agent back, a ticket assigned) are flushed first.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> loadsOf(String teamId) {
        return em.createNativeQuery(AGENT_LOADS).setParameter("team", teamId)
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(Agent.class).addSynchronizedEntityClass(Ticket.class)
                .getResultList();
    }

    /** Gives the oldest unassigned tickets of a team to agents who have room again. */
    public int fillQueue(String teamId) {
        int assigned = 0;
        for (Ticket ticket : Ticket.<Ticket>list("teamId = ?1 and agentId is null and status in ?2 and mergedInto is null order by createdAt",
                teamId, TicketStatus.ACTIVE.stream().map(Enum::name).toList())) {
            if (assign(ticket).isEmpty()) {
                break;
            }
            assigned++;
        }
        return assigned;
    }
}
