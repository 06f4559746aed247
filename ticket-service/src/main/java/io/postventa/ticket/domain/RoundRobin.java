package io.postventa.ticket.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the next agent of a team: the first available agent after the one assigned last (in id order, wrapping
 * around) whose open tickets are below the per-agent cap. Empty when everybody is full or away.
 */
public final class RoundRobin {

    /** An agent of the team with their open-ticket count. */
    public record AgentLoad(String agentId, boolean available, int openTickets) {
    }

    private RoundRobin() {
    }

    public static Optional<String> next(List<AgentLoad> agents, String lastAssigned, int cap) {
        List<AgentLoad> ordered = agents.stream().sorted(Comparator.comparing(AgentLoad::agentId)).toList();
        int start = 0;
        if (lastAssigned != null) {
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).agentId().compareTo(lastAssigned) > 0) {
                    start = i;
                    break;
                }
            }
        }
        for (int i = 0; i < ordered.size(); i++) {
            AgentLoad candidate = ordered.get((start + i) % ordered.size());
            if (candidate.available() && candidate.openTickets() < cap) {
                return Optional.of(candidate.agentId());
            }
        }
        return Optional.empty();
    }
}
