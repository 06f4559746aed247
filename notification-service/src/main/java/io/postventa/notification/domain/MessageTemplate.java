package io.postventa.notification.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The template for one trigger, channel and locale; id {@code <trigger>.<channel>.<locale>}; variants as JSON. */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends PanacheEntityBase {
    @Id
    public String id;
    public String trigger;
    public String channel;
    public String locale;
    public String variants;
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public static String idOf(Trigger trigger, io.postventa.events.common.NotificationChannel channel, String locale) {
        return trigger.key() + "." + channel.name().toLowerCase() + "." + locale;
    }
}
