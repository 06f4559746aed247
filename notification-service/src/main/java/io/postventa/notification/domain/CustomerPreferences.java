package io.postventa.notification.domain;

import java.time.Instant;
import java.time.LocalTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's own choices; the channels column is a JSON object kind -> channel -> on/off. */
@Entity
@Table(name = "customer_preferences")
public class CustomerPreferences extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public String customerId;
    public String language;
    @Column(name = "quiet_start")
    public LocalTime quietStart;
    @Column(name = "quiet_end")
    public LocalTime quietEnd;
    public String channels;
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public QuietHours quietHours() {
        return quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd);
    }
}
