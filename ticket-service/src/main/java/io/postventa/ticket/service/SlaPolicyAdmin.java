package io.postventa.ticket.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.SlaPolicyRow;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The SLA policies an admin keeps, each versioned; the {@code default} one may leave its targets to the settings. */
@ApplicationScoped
@Transactional
public class SlaPolicyAdmin {

    /** One priority's targets within a policy, in minutes; a missing one is the policy's own. */
    public record PriorityTargets(@Min(1) @Max(525600) Integer firstResponseMinutes,
            @Min(1) @Max(525600) Integer resolutionMinutes) {
    }

    /** A policy as an admin saves it (checked by the caller: zone, hours, targets). */
    public record SlaPolicyChange(TicketPriority priority, ContactChannel channel, Integer firstResponseMinutes,
            Integer resolutionMinutes, String timeZone, Map<DayOfWeek, List<Integer>> hours, List<LocalDate> holidays,
            boolean pauseWhileWithCarrier, boolean pauseWhileReturnInTransit,
            Map<TicketPriority, PriorityTargets> priorityTargets) {
    }

    /** The targets in force for one priority, as ISO-8601 durations ("PT24H"). */
    public record EffectiveTargets(String firstResponse, String resolution) {
    }

    public record SlaPolicyView(String id, TicketPriority priority, ContactChannel channel, Integer firstResponseMinutes,
            Integer resolutionMinutes, String timeZone, Map<DayOfWeek, List<Integer>> hours, List<LocalDate> holidays,
            boolean pauseWhileWithCarrier, boolean pauseWhileReturnInTransit,
            Map<TicketPriority, PriorityTargets> priorityTargets, Map<TicketPriority, EffectiveTargets> targets,
            int version) {
    }

    private final RuleStore rules;
    private final Clock clock;

    public SlaPolicyAdmin(RuleStore rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public List<SlaPolicyView> list() {
        return SlaPolicyRow.<SlaPolicyRow>list("order by id").stream().map(this::view).toList();
    }

    /** Creates or replaces policy {@code id}, one version on. */
    public SlaPolicyView save(String id, SlaPolicyChange change) {
        SlaPolicyRow row = SlaPolicyRow.findById(id);
        if (row == null) {
            row = new SlaPolicyRow();
            row.id = id;
            row.version = 0;
        }
        row.priority = change.priority() == null ? null : change.priority().name();
        row.channel = change.channel() == null ? null : change.channel().name();
        row.firstResponseMinutes = change.firstResponseMinutes();
        row.resolutionMinutes = change.resolutionMinutes();
        row.timeZone = change.timeZone();
        Map<String, List<Integer>> hours = new TreeMap<>();
        change.hours().forEach((d, w) -> hours.put(d.name(), w));
        row.hours = rules.write(hours);
        row.holidays = rules.write(change.holidays().stream().map(LocalDate::toString).toList());
        row.pauseWithCarrier = change.pauseWhileWithCarrier();
        row.pauseReturnInTransit = change.pauseWhileReturnInTransit();
        Map<TicketPriority, RuleStore.StoredTargets> stored = new EnumMap<>(TicketPriority.class);
        change.priorityTargets().forEach((p, t) -> stored.put(p, new RuleStore.StoredTargets(t.firstResponseMinutes(),
                t.resolutionMinutes())));
        row.priorityTargets = rules.write(stored);
        row.version++;
        row.updatedAt = clock.instant();
        row.persist();
        return view(row);
    }

    public void delete(String id) {
        if (!SlaPolicyRow.deleteById(id)) {
            throw ProblemException.notFound("SLA policy", id);
        }
    }

    private SlaPolicyView view(SlaPolicyRow row) {
        SlaPolicy policy = rules.toDomain(row);
        Map<DayOfWeek, List<Integer>> hours = new EnumMap<>(DayOfWeek.class);
        policy.calendar().hours().forEach((d, w) -> hours.put(d, List.of(w.openMinute(), w.closeMinute())));
        Map<TicketPriority, PriorityTargets> own = new EnumMap<>(TicketPriority.class);
        rules.priorityTargets(row).forEach((p, t) -> own.put(p, new PriorityTargets(t.firstResponseMinutes(),
                t.resolutionMinutes())));
        Map<TicketPriority, EffectiveTargets> targets = new EnumMap<>(TicketPriority.class);
        for (TicketPriority p : TicketPriority.values()) {
            targets.put(p, new EffectiveTargets(policy.firstResponse(p.name()).toString(),
                    policy.resolution(p.name()).toString()));
        }
        return new SlaPolicyView(row.id, policy.priority(), policy.channel(), row.firstResponseMinutes,
                row.resolutionMinutes, row.timeZone, hours, policy.calendar().holidays().stream().sorted().toList(),
                row.pauseWithCarrier, row.pauseReturnInTransit, own, targets, row.version);
    }
}
