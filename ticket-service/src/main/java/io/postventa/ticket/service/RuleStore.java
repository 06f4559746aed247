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

import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.BusinessCalendar;
import io.postventa.ticket.domain.PriorityRuleSet;
import io.postventa.ticket.domain.PriorityRuleSetRow;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.SlaPolicyRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Loads the rules stored as data (priority rules, SLA policies) into their domain form. */
@ApplicationScoped
public class RuleStore {
    /** The key of a transaction's policies already read, in the synchronization registry. */
    private static final Object POLICIES_READ = new Object();

    private final ObjectMapper json;
    private final TicketConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public RuleStore(ObjectMapper json, TicketConfig config, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.config = config;
        this.transactions = transactions;
    }

    /** The newest saved priority rules, or the shipped defaults. */
    public PriorityRuleSet priorityRules() {
        PriorityRuleSetRow row = PriorityRuleSetRow.find("order by version desc").firstResult();
        if (row == null) {
            return PriorityRuleSet.defaults();
        }
        return read(row.body, PriorityRuleSet.class);
    }

    public SlaPolicy defaultPolicy() {
        SlaPolicy builtIn = SlaPolicy.defaultPolicy(ZoneId.of(config.sla().defaultTimeZone()));
        return new SlaPolicy(builtIn.id(), null, null, config.sla().defaultFirstResponse(),
                config.sla().defaultResolution(), builtIn.calendar(), false, false);
    }

    public List<SlaPolicy> slaPolicies() {
        List<SlaPolicy> policies = new ArrayList<>();
        for (SlaPolicyRow row : SlaPolicyRow.<SlaPolicyRow>listAll()) {
            policies.add(toDomain(row));
        }
        return policies;
    }

    public SlaPolicy policyFor(TicketPriority priority, ContactChannel channel) {
        return SlaPolicy.select(slaPolicies(), priority, channel, defaultPolicy());
    }

    /**
     * The policy a ticket points at. A contact asks for it three or four times (open, reply, solve); within one
     * transaction it is read once: a miss (the built-in default has no row) went to the database every time.
     */
    @SuppressWarnings("unchecked")
    public SlaPolicy policy(String id) {
        Map<String, SlaPolicy> read = transactions.getTransactionKey() == null ? null
                : (Map<String, SlaPolicy>) transactions.getResource(POLICIES_READ);
        if (read == null && transactions.getTransactionKey() != null) {
            read = new HashMap<>();
            transactions.putResource(POLICIES_READ, read);
        }
        SlaPolicy known = read == null ? null : read.get(id);
        if (known != null) {
            return known;
        }
        SlaPolicyRow row = SlaPolicyRow.findById(id);
        SlaPolicy policy = row == null ? defaultPolicy() : toDomain(row);
        if (read != null) {
            read.put(id, policy);
        }
        return policy;
    }

    public SlaPolicy toDomain(SlaPolicyRow row) {
        Map<String, List<Integer>> hours = read(row.hours, new TypeReference<Map<String, List<Integer>>>() {
        });
        Map<DayOfWeek, BusinessCalendar.Window> windows = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, w) -> windows.put(DayOfWeek.valueOf(day), new BusinessCalendar.Window(w.get(0), w.get(1))));
        Set<LocalDate> holidays = new HashSet<>();
        read(row.holidays, new TypeReference<List<String>>() {
        }).forEach(d -> holidays.add(LocalDate.parse(d)));
        BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(row.timeZone), windows, holidays);
        return new SlaPolicy(row.id, row.priority == null ? null : TicketPriority.valueOf(row.priority),
                row.channel == null ? null : ContactChannel.valueOf(row.channel),
                Duration.ofMinutes(row.firstResponseMinutes), Duration.ofMinutes(row.resolutionMinutes), calendar,
                row.pauseWithCarrier, row.pauseReturnInTransit);
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
