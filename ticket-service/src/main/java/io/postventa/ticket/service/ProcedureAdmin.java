package io.postventa.ticket.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.domain.Procedure;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The procedures (macros) an admin keeps: a reason, steps and a canned reply per language each. */
@ApplicationScoped
@Transactional
public class ProcedureAdmin {

    public record ProcedureView(String id, ContactReason reason, String name, List<String> steps, String replyEs,
            String replyEn, Map<String, String> replies, int version) {
    }

    private final RuleStore rules;
    private final ProcedureService procedures;
    private final Clock clock;

    public ProcedureAdmin(RuleStore rules, ProcedureService procedures, Clock clock) {
        this.rules = rules;
        this.procedures = procedures;
        this.clock = clock;
    }

    public List<ProcedureView> list() {
        return Procedure.<Procedure>list("order by reason, id").stream().map(this::view).toList();
    }

    public ProcedureView get(String id) {
        Procedure p = Procedure.findById(id);
        if (p == null) {
            throw ProblemException.notFound("procedure", id);
        }
        return view(p);
    }

    /** Creates or replaces procedure {@code id}; {@code replies} by language (checked by the caller). */
    public ProcedureView save(String id, ContactReason reason, String name, List<String> steps,
            Map<String, String> replies) {
        Procedure p = Procedure.findById(id);
        if (p == null) {
            p = new Procedure();
            p.id = id;
            p.version = 0;
        }
        p.reason = reason.name();
        p.name = name;
        p.steps = rules.write(steps);
        p.replies = rules.write(replies);
        p.version++;
        p.updatedAt = clock.instant();
        p.persist();
        return view(p);
    }

    public void delete(String id) {
        if (!Procedure.deleteById(id)) {
            throw ProblemException.notFound("procedure", id);
        }
    }

    private ProcedureView view(Procedure p) {
        List<String> steps;
        try {
            steps = List.of(new ObjectMapper().readValue(p.steps, String[].class));
        } catch (Exception e) {
            steps = List.of();
        }
        Map<String, String> replies = procedures.replies(p);
        return new ProcedureView(p.id, ContactReason.valueOf(p.reason), p.name, steps, replies.get("es"),
                replies.get("en"), replies, p.version);
    }
}
