package io.postventa.ticket.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A ticket: one customer matter, with its contacts, replies, SLA clock and assignment. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;
    public String status;
    public String reason;
    @Column(name = "reason_source")
    public String reasonSource;
    public String priority;
    public String channel;
    public String origin;
    @Column(name = "customer_id")
    public String customerId;
    public String email;
    public String phone;
    @Column(name = "order_id")
    public String orderId;
    public String subject;
    public String language;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "sla_policy_id")
    public String slaPolicyId;
    @Column(name = "sla_started_at")
    public Instant slaStartedAt;
    @Column(name = "sla_paused_seconds")
    public long slaPausedSeconds;
    @Column(name = "sla_paused_since")
    public Instant slaPausedSince;
    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;
    @Column(name = "first_response_at")
    public Instant firstResponseAt;
    @Column(name = "first_response_breached")
    public boolean firstResponseBreached;
    @Column(name = "resolution_breached")
    public boolean resolutionBreached;
    @Column(name = "solved_at")
    public Instant solvedAt;
    @Column(name = "auto_solved")
    public boolean autoSolved;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "procedure_id")
    public String procedureId;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public TicketStatus status() {
        return TicketStatus.valueOf(status);
    }

    public SlaClock slaClock() {
        return new SlaClock(slaStartedAt, java.time.Duration.ofSeconds(slaPausedSeconds), slaPausedSince);
    }

    public void slaClock(SlaClock clock) {
        slaStartedAt = clock.startedAt();
        slaPausedSeconds = clock.paused().toSeconds();
        slaPausedSince = clock.pausedSince();
    }
}
