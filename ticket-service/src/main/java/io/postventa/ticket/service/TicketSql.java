package io.postventa.ticket.service;

import java.util.Collection;
import java.util.stream.Collectors;

import io.postventa.ticket.domain.TicketStatus;

/** Fragments of the ticket queries that several use cases and queries share, so they filter and sort alike. */
public final class TicketSql {
    /**
     * The active statuses as a literal list for a query's text, "('NEW', 'ON_HOLD', ...)". A constant list written
     * into the query keeps its translation cached; passed as a list parameter, Hibernate translated the query again
     * on every call (a sixth of a contact's CPU went to one such lookup).
     */
    public static final String ACTIVE_LITERALS = literals(TicketStatus.ACTIVE);

    /**
     * Most urgent first: priority, then the nearest SLA due time still running (the generated {@code sla_due_at}
     * column, see the README), then the oldest; the id keeps pages stable. ticket_urgency_idx and
     * ticket_team_queue_idx serve this order. {@link #URGENCY_HQL} is the same order for entity queries.
     */
    public static final String URGENCY_SQL = "priority_rank, sla_due_at, created_at, id";
    public static final String URGENCY_HQL = "priorityRank, slaDueAt, createdAt, id";

    private TicketSql() {
    }

    /** Statuses as a literal list for a query's text. */
    public static String literals(Collection<TicketStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().map(name -> "'" + name + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
