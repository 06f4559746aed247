package io.postventa.ticket.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.KnownOrder;
import io.postventa.ticket.domain.KnownReturn;
import io.postventa.ticket.domain.Masking;
import io.postventa.ticket.domain.Procedure;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketAttachment;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketStatus;
import io.postventa.ticket.service.TicketViews.AttachmentView;
import io.postventa.ticket.service.TicketViews.MessageView;
import io.postventa.ticket.service.TicketViews.ReturnSummary;
import io.postventa.ticket.service.TicketViews.TicketDetail;
import io.postventa.ticket.service.TicketViews.TicketView;
import io.postventa.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The help desk's reads: ticket lists most urgent first, a ticket with its order, returns and conversation, a file
 * a customer sent, the CSV export's rows and a procedure's draft. Each sees what the caller may ({@link TicketAccess}),
 * masked for a partner agent.
 */
@ApplicationScoped
@Transactional
public class TicketQueries {
    /** Most tickets one export holds. */
    private static final int EXPORT_LIMIT = 10_000;
    /**
     * Most matching tickets a list counts (its {@code total}); past it the total says "this many or more". An exact
     * count of a million-ticket help desk read every matching row on every inbox page (docs/performance/
     * 2026-12-07-console-queries.md); counting up to the limit reads at most that many index entries.
     */
    public static final int COUNT_LIMIT = 10_000;

    private final TicketAccess access;
    private final ProcedureService procedures;
    private final ProcedureAdmin procedureAdmin;

    public TicketQueries(TicketAccess access, ProcedureService procedures, ProcedureAdmin procedureAdmin) {
        this.access = access;
        this.procedures = procedures;
        this.procedureAdmin = procedureAdmin;
    }

    /**
     * What a list is filtered by; null (or false) filters nothing. {@code statuses}: any of them; {@code breached}: a
     * target already breached; {@code dueBefore}: the pending target is due before it and its clock runs.
     */
    public record TicketFilter(List<TicketStatus> statuses, ContactChannel channel, boolean breached, Instant dueBefore,
            ContactReason reason, TicketPriority priority, String teamId, String agentId, boolean unassigned,
            String customerId, String orderId) {
    }

    /**
     * One page of a ticket list: the items, where it starts, its size, and {@code total}, the matching tickets counted
     * up to a limit: when {@code totalCapped}, more than {@code total} match.
     */
    public record TicketList(List<TicketView> items, int page, int size, long total, boolean totalCapped) {
    }

    /**
     * What an agent works a ticket with, in one answer: the ticket as {@link #detail(String)} gives it, and the
     * procedure of its reason (null when none) with its reply drafted, as the procedures list and the draft give them.
     */
    public record Workspace(TicketView ticket, TicketViews.OrderSummary order, List<ReturnSummary> returns,
            List<MessageView> messages, ProcedureAdmin.ProcedureView procedure, ProcedureService.Draft draft) {
    }

    /** A file a customer sent with an e-mail, as it is downloaded. */
    public record AttachmentFile(String fileName, String contentType, byte[] content) {
    }

    /**
     * A page of the tickets the caller may see (a partner agent: its team's), most urgent first, and how many match,
     * counted up to {@code countLimit} ({@link TicketList#totalCapped()} when more do).
     */
    public TicketList list(TicketFilter filter, int page, int size, int countLimit) {
        // each condition twice: in HQL for the page of entities, in SQL for the count (HQL allows a limit in a
        // subquery only with an order, and an order makes PostgreSQL sort every match of some filters)
        List<String> where = new ArrayList<>();
        List<String> sqlWhere = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("mergedInto is null");
        sqlWhere.add("merged_into is null");
        if (filter.statuses() != null) {
            // written into the query as literals (validated enum names): the planner can then use the partial
            // index on active tickets (ticket_active_urgency_idx), which a bound list would hide from a generic plan
            String statuses = TicketSql.literals(filter.statuses().stream().distinct().toList());
            where.add("status in " + statuses);
            sqlWhere.add("status in " + statuses);
        }
        if (filter.channel() != null) {
            where.add("channel = :channel");
            sqlWhere.add("channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.breached()) {
            where.add("(firstResponseBreached = true or resolutionBreached = true)");
            sqlWhere.add("(first_response_breached or resolution_breached)");
        }
        if (filter.dueBefore() != null) {
            // the pending target: first response until it is given, then resolution; paused clocks are not running
            where.add("slaPausedSince is null and (case when firstResponseAt is null then firstResponseDueAt"
                    + " else resolutionDueAt end) < :dueBefore");
            sqlWhere.add("sla_paused_since is null and (case when first_response_at is null then first_response_due_at"
                    + " else resolution_due_at end) < :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        if (filter.reason() != null) {
            where.add("reason = :reason");
            sqlWhere.add("reason = :reason");
            params.put("reason", filter.reason().name());
        }
        if (filter.priority() != null) {
            where.add("priority = :priority");
            sqlWhere.add("priority = :priority");
            params.put("priority", filter.priority().name());
        }
        if (access.isPartner()) {
            where.add("teamId = :team");
            sqlWhere.add("team_id = :team");
            params.put("team", access.caller().team().orElse("-"));
        } else if (filter.teamId() != null) {
            where.add("teamId = :team");
            sqlWhere.add("team_id = :team");
            params.put("team", filter.teamId());
        }
        if (filter.agentId() != null) {
            where.add("agentId = :agent");
            sqlWhere.add("agent_id = :agent");
            params.put("agent", filter.agentId());
        }
        if (filter.unassigned()) {
            where.add("agentId is null");
            sqlWhere.add("agent_id is null");
        }
        if (filter.customerId() != null) {
            where.add("customerId = :customer");
            sqlWhere.add("customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.orderId() != null) {
            where.add("orderId = :order");
            sqlWhere.add("order_id = :order");
            params.put("order", filter.orderId());
        }
        // most urgent first (TicketSql.URGENCY_HQL), served by ticket_active_urgency_idx (active tickets) or
        // ticket_urgency_idx
        PanacheQuery<Ticket> query = Ticket.find(String.join(" and ", where) + " order by " + TicketSql.URGENCY_HQL,
                params);
        List<TicketView> items = query.page(page, size).<Ticket>list().stream()
                .map(t -> TicketViews.view(t, access.isPartner())).toList();
        // counts at most countLimit + 1 rows, in any order: one more than the limit tells "more" from "exactly the
        // limit"; for the inbox's filters an index-only scan of ticket_active_urgency_idx
        var count = Ticket.getEntityManager().createNativeQuery("select count(*) from (select 1 from ticket where "
                + String.join(" and ", sqlWhere) + " limit " + (countLimit + 1) + ") matching", Long.class);
        params.forEach(count::setParameter);
        long matching = ((Number) count.getSingleResult()).longValue();
        return new TicketList(items, page, size, Math.min(matching, countLimit), matching > countLimit);
    }

    /** The ticket with its order and returns from the read model and its conversation (a customer: public messages). */
    public TicketDetail detail(String id) {
        return detail(access.load(id, false));
    }

    /** As {@link #detail(String)}, of a ticket already loaded in this transaction (after a change to it). */
    TicketDetail detail(Ticket t) {
        boolean mask = access.isPartner();
        boolean customer = access.caller().isOnlyCustomer();
        KnownOrder order = t.orderId == null ? null : KnownOrder.findById(t.orderId);
        List<ReturnSummary> returns = t.orderId == null ? List.of()
                : KnownReturn.<KnownReturn>list("orderId = ?1 order by updatedAt", t.orderId).stream()
                        .map(TicketViews::view).toList();
        List<TicketMessage> conversation = TicketMessage.<TicketMessage>list("ticketId = ?1 order by createdAt, id", t.id)
                .stream().filter(m -> !customer || TicketViews.isPublic(m)).toList();
        Map<UUID, List<AttachmentView>> files = new HashMap<>();
        if (!conversation.isEmpty()) {
            // the files' names and sizes only, not their content
            TicketAttachment.getEntityManager().createQuery("select a.messageId, a.id, a.fileName, a.contentType,"
                    + " a.sizeBytes from TicketAttachment a where a.messageId in :ids order by a.createdAt, a.id",
                    Object[].class).setParameter("ids", conversation.stream().map(m -> m.id).toList()).getResultList()
                    .forEach(r -> files.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(
                            new AttachmentView((UUID) r[1], (String) r[2], (String) r[3], (Integer) r[4])));
        }
        List<MessageView> messages = conversation.stream()
                .map(m -> TicketViews.view(m, mask, files.getOrDefault(m.id, List.of()))).toList();
        return new TicketDetail(TicketViews.view(t, mask), TicketViews.view(order, mask), returns, messages);
    }

    /**
     * The ticket, the procedure of its reason (the first by id, as the procedures list orders them) and its reply
     * drafted in the ticket's language, else in {@code language} when the procedure has a reply in it, else in the
     * default one: what the three reads give, in one.
     */
    public Workspace workspace(String id, String language) {
        Ticket t = access.load(id, false);
        TicketDetail d = detail(t);
        Procedure p = Procedure.<Procedure>find("reason = ?1 order by id", t.reason).firstResult();
        ProcedureService.Draft draft = null;
        if (p != null) {
            String lang = t.language == null && language != null && procedures.replies(p).containsKey(language)
                    ? language : null;
            draft = procedures.draft(t, p.id, lang);
            if (access.isPartner()) {
                draft = new ProcedureService.Draft(draft.procedureId(), draft.language(), Masking.text(draft.body()));
            }
        }
        return new Workspace(d.ticket(), d.order(), d.returns(), d.messages(),
                p == null ? null : procedureAdmin.get(p.id), draft);
    }

    /** A file a customer sent with an e-mail: whoever may see the ticket and its message may download it. */
    public AttachmentFile attachment(String id, String attachmentId) {
        Ticket t = access.load(id, false);
        TicketAttachment a;
        try {
            a = TicketAttachment.findById(UUID.fromString(attachmentId));
        } catch (IllegalArgumentException e) {
            a = null;
        }
        TicketMessage m = a == null ? null : TicketMessage.findById(a.messageId);
        if (m == null || !m.ticketId.equals(t.id) || access.caller().isOnlyCustomer() && !TicketViews.isPublic(m)) {
            throw ProblemException.notFound("attachment", attachmentId);
        }
        return new AttachmentFile(a.fileName, a.contentType, a.content);
    }

    /** The tickets of the CSV export, oldest first (of one status when given); partner agents cannot export. */
    public List<TicketView> export(TicketStatus status) {
        if (access.isPartner()) {
            throw ProblemException.forbidden("partner agents cannot export tickets");
        }
        PanacheQuery<Ticket> query = status == null ? Ticket.find("mergedInto is null order by createdAt")
                : Ticket.find("mergedInto is null and status = ?1 order by createdAt", status);
        return query.page(0, EXPORT_LIMIT).<Ticket>list().stream().map(t -> TicketViews.view(t, false)).toList();
    }

    /** The procedure's reply filled in for this ticket (in {@code language}, else the ticket's), to edit before sending. */
    public ProcedureService.Draft draft(String id, String procedureId, String language) {
        Ticket t = access.load(id, false);
        ProcedureService.Draft draft = procedures.draft(t, procedureId, language);
        return access.isPartner() ? new ProcedureService.Draft(draft.procedureId(), draft.language(),
                Masking.text(draft.body())) : draft;
    }
}
