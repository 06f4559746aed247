package io.postventa.ticket.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
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

/** Loads the rules stored as data (priority rules, SLA policies) into their domain form. */
@ApplicationScoped
public class RuleStore {
    private final ObjectMapper json;
    private final TicketConfig config;

    public RuleStore(ObjectMapper json, TicketConfig config) {
        this.json = json;
        this.config = config;
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

    public SlaPolicy policy(String id) {
        SlaPolicyRow row = SlaPolicyRow.findById(id);
        return row == null ? defaultPolicy() : toDomain(row);
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
