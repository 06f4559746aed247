package io.postventa.ticket.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.domain.Agent;
import io.postventa.ticket.domain.RoutingRule;
import io.postventa.ticket.domain.Team;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Teams, their agents and the routing of reasons to teams, as an admin keeps them; a change that gives a team room
 * (a larger cap, an agent back) hands out its waiting tickets at once.
 */
@ApplicationScoped
@Transactional
public class TeamAdmin {

    public record TeamView(String id, String name, boolean partner, int agentCap) {
    }

    public record AgentView(String id, String teamId, String name, boolean available) {
    }

    private final Assignment assignment;

    public TeamAdmin(Assignment assignment) {
        this.assignment = assignment;
    }

    public List<TeamView> teams() {
        return Team.<Team>list("order by id").stream().map(TeamAdmin::view).toList();
    }

    public TeamView saveTeam(String id, String name, boolean partner, int agentCap) {
        Team t = Team.findById(id);
        if (t == null) {
            t = new Team();
            t.id = id;
        }
        t.name = name;
        t.partner = partner;
        t.agentCap = agentCap;
        t.persist();
        assignment.fillQueue(id);
        return view(t);
    }

    /** Creates or updates agent {@code id} of team {@code teamId} (400 naming teamId when there is no such team). */
    public AgentView saveAgent(String id, String teamId, String name, boolean available) {
        requireTeam(teamId);
        Agent a = Agent.findById(id);
        if (a == null) {
            a = new Agent();
            a.id = id;
        }
        a.teamId = teamId;
        a.name = name;
        a.available = available;
        a.persist();
        if (a.available) {
            assignment.fillQueue(a.teamId);
        }
        return new AgentView(a.id, a.teamId, a.name, a.available);
    }

    /** Reason to team, for every reason with a rule. */
    public Map<String, String> routing() {
        Map<String, String> map = new TreeMap<>();
        RoutingRule.<RoutingRule>listAll().forEach(r -> map.put(r.reason, r.teamId));
        return map;
    }

    /** Sends {@code reason} to team {@code teamId}; answers the routing as it is now. */
    public Map<String, String> saveRouting(ContactReason reason, String teamId) {
        requireTeam(teamId);
        RoutingRule rule = RoutingRule.findById(reason.name());
        if (rule == null) {
            rule = new RoutingRule();
            rule.reason = reason.name();
        }
        rule.teamId = teamId;
        rule.persist();
        return routing();
    }

    private static void requireTeam(String teamId) {
        if (Team.findById(teamId) == null) {
            throw ProblemException.badField("teamId", "no such team");
        }
    }

    private static TeamView view(Team t) {
        return new TeamView(t.id, t.name, t.partner, t.agentCap);
    }
}
