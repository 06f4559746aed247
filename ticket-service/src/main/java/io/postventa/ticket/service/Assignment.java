package io.postventa.ticket.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.Agent;
import io.postventa.ticket.domain.RoundRobin;
import io.postventa.ticket.domain.RoutingRule;
import io.postventa.ticket.domain.Team;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Routes a ticket to the team of its reason and hands it to the team's next agent with room (round-robin, capped). */
@ApplicationScoped
public class Assignment {
    private final TicketConfig config;

    public Assignment(TicketConfig config) {
        this.config = config;
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
        for (Agent agent : Agent.<Agent>list("teamId", team.id)) {
            long open = Ticket.count("agentId = ?1 and status in ?2 and mergedInto is null", agent.id,
                    TicketStatus.ACTIVE.stream().map(Enum::name).toList());
            loads.add(new RoundRobin.AgentLoad(agent.id, agent.available, (int) open));
        }
        Optional<String> next = RoundRobin.next(loads, team.lastAssignedAgent, team.agentCap);
        next.ifPresent(agentId -> {
            ticket.agentId = agentId;
            team.lastAssignedAgent = agentId;
        });
        return next;
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
