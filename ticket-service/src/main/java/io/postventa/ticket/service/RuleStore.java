package io.postventa.ticket.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.BusinessCalendar;
import io.postventa.ticket.domain.PriorityRuleSet;
import io.postventa.ticket.domain.PriorityRuleSetRow;
import io.postventa.ticket.domain.RoutingRule;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.SlaPolicyRow;
import io.postventa.ticket.domain.SlaTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Loads the rules stored as data (priority rules, SLA policies, routing) into their domain form.
 *
 * <p>A contact needs all three, and they change only when an admin edits them, so {@link #current()} keeps them
 * parsed in memory: reading and parsing them on every contact took three statements and the JSON parsing of every
 * policy. A trigger on their tables sets {@code rule_generation} to a fresh value from a sequence whenever any of
 * them changes (by the admin API, a migration or plain SQL, on this instance or another), and each transaction
 * reads that value once: the copy in memory serves while the value is the one it was read at. A sequence never
 * hands out a value twice, so a change that rolled back cannot leave a copy that a later change would seem to match.
 */
@ApplicationScoped
public class RuleStore {
    /** The key of a transaction's rules already read, in the synchronization registry. */
    private static final Object RULES_READ = new Object();

    /** The rules as they were at one generation of {@code rule_generation}; immutable, shared between threads. */
    public record Rules(Long generation, PriorityRuleSet priorityRules, List<SlaPolicy> slaPolicies,
            Map<String, SlaPolicy> policiesById, Map<String, String> teamsByReason, SlaPolicy defaultPolicy) {

        /** The policy for a new ticket of this priority and channel. */
        public SlaPolicy policyFor(TicketPriority priority, ContactChannel channel) {
            return SlaPolicy.select(slaPolicies, priority, channel, defaultPolicy);
        }

        /** The policy a ticket points at; the built-in default when it has no row (or its row was deleted). */
        public SlaPolicy policy(String id) {
            return id == null ? defaultPolicy : policiesById.getOrDefault(id, defaultPolicy);
        }

        /** The team a routing rule sends this reason to, if any. */
        public String teamFor(ContactReason reason) {
            return teamsByReason.get(reason.name());
        }
    }

    private final ObjectMapper json;
    private final TicketConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager em;
    private volatile Rules cached;

    public RuleStore(ObjectMapper json, TicketConfig config, TransactionSynchronizationRegistry transactions,
            EntityManager em) {
        this.json = json;
        this.config = config;
        this.transactions = transactions;
        this.em = em;
    }

    /**
     * The rules in force, read once per transaction: from memory while {@code rule_generation} has not moved,
     * else from their tables. Without the generation row (a database reset by hand) every call reads the tables.
     */
    public Rules current() {
        boolean inTransaction = transactions.getTransactionKey() != null;
        Rules rules = inTransaction ? (Rules) transactions.getResource(RULES_READ) : null;
        if (rules != null) {
            return rules;
        }
        Long generation = generation();
        Rules known = cached;
        if (known != null && generation != null && generation.equals(known.generation())) {
            rules = known;
        } else {
            rules = load(generation);
            if (generation != null) {
                cached = rules;
            }
        }
        if (inTransaction) {
            transactions.putResource(RULES_READ, rules);
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private Long generation() {
        // reads no entity table, so nothing to flush first
        List<Number> rows = em.createNativeQuery("select n from rule_generation").unwrap(NativeQuery.class)
                .setQueryFlushMode(QueryFlushMode.NO_FLUSH).getResultList();
        return rows.isEmpty() ? null : rows.get(0).longValue();
    }

    private Rules load(Long generation) {
        List<SlaPolicy> policies = new ArrayList<>();
        Map<String, SlaPolicy> byId = new HashMap<>();
        for (SlaPolicyRow row : SlaPolicyRow.<SlaPolicyRow>listAll()) {
            SlaPolicy policy = toDomain(row);
            policies.add(policy);
            byId.put(policy.id(), policy);
        }
        Map<String, String> teams = new HashMap<>();
        RoutingRule.<RoutingRule>listAll().forEach(r -> teams.put(r.reason, r.teamId));
        return new Rules(generation, priorityRules(), List.copyOf(policies), Map.copyOf(byId), Map.copyOf(teams),
                byId.getOrDefault(SlaPolicy.DEFAULT_ID, builtInPolicy()));
    }

    /** The newest saved priority rules, or the shipped defaults, read from the table (what an admin edits). */
    public PriorityRuleSet priorityRules() {
        PriorityRuleSetRow row = PriorityRuleSetRow.find("order by version desc").firstResult();
        if (row == null) {
            return PriorityRuleSet.defaults();
        }
        return read(row.body, PriorityRuleSet.class);
    }

    /** The policy of a ticket no stored policy matches once the default row is deleted: the configured targets. */
    private SlaPolicy builtInPolicy() {
        SlaPolicy builtIn = SlaPolicy.defaultPolicy(ZoneId.of(config.sla().defaultTimeZone()));
        return new SlaPolicy(builtIn.id(), null, null, config.sla().defaultFirstResponse(),
                config.sla().defaultResolution(), builtIn.calendar(), false, false);
    }

    public SlaPolicy toDomain(SlaPolicyRow row) {
        Map<String, List<Integer>> hours = read(row.hours, new TypeReference<Map<String, List<Integer>>>() {
        });
        Map<DayOfWeek, BusinessCalendar.Window> windows = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, w) -> windows.put(DayOfWeek.valueOf(day), new BusinessCalendar.Window(w.get(0), w.get(1))));
        Set<LocalDate> holidays = new HashSet<>();
        read(row.holidays, new TypeReference<List<String>>() {
        }).forEach(d -> holidays.add(LocalDate.parse(d)));
        BusinessCalendar calendar = new BusinessCalendar(
                ZoneId.of(row.timeZone != null ? row.timeZone : config.sla().defaultTimeZone()), windows, holidays);
        Duration firstResponse = minutes(row.firstResponseMinutes, config.sla().defaultFirstResponse());
        Duration resolution = minutes(row.resolutionMinutes, config.sla().defaultResolution());
        Map<TicketPriority, SlaTargets> byPriority = new EnumMap<>(TicketPriority.class);
        priorityTargets(row).forEach((priority, targets) -> byPriority.put(priority, new SlaTargets(
                minutes(targets.firstResponseMinutes(), firstResponse), minutes(targets.resolutionMinutes(), resolution))));
        return new SlaPolicy(row.id, row.priority == null ? null : TicketPriority.valueOf(row.priority),
                row.channel == null ? null : ContactChannel.valueOf(row.channel), firstResponse, resolution, calendar,
                row.pauseWithCarrier, row.pauseReturnInTransit, byPriority);
    }

    /** One priority's targets as stored; a missing one is the policy's own. */
    public record StoredTargets(Integer firstResponseMinutes, Integer resolutionMinutes) {
    }

    /** The per-priority targets of a stored policy, by priority. */
    public Map<TicketPriority, StoredTargets> priorityTargets(SlaPolicyRow row) {
        Map<TicketPriority, StoredTargets> targets = new EnumMap<>(TicketPriority.class);
        if (row.priorityTargets != null && !row.priorityTargets.isBlank()) {
            read(row.priorityTargets, new TypeReference<Map<TicketPriority, StoredTargets>>() {
            }).forEach(targets::put);
        }
        return targets;
    }

    private static Duration minutes(Integer minutes, Duration configured) {
        return minutes == null ? configured : Duration.ofMinutes(minutes);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored rules cannot be read: " + e.getMessage(), e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored rules cannot be read: " + e.getMessage(), e);
        }
    }
}
