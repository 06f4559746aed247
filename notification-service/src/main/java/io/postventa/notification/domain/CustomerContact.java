package io.postventa.notification.domain;

import java.time.Instant;
import java.time.LocalDate;

import io.postventa.events.common.NotificationChannel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How to reach one customer, from the latest customers.v1 snapshot; after erasure only the id remains. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public String customerId;
    public String email;
    public String phone;
    @Column(name = "push_token")
    public String pushToken;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String language;
    @Column(name = "time_zone")
    public String timeZone;
    public LocalDate birthday;
    @Column(name = "first_purchase_date")
    public LocalDate firstPurchaseDate;
    @Column(name = "consent_email")
    public boolean consentEmail;
    @Column(name = "consent_sms")
    public boolean consentSms;
    @Column(name = "consent_whatsapp")
    public boolean consentWhatsapp;
    @Column(name = "consent_push")
    public boolean consentPush;
    public boolean erased;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The address, number or token for a channel, or null when the customer has none. */
    public String contactPoint(NotificationChannel channel) {
        return switch (channel) {
            case EMAIL -> blankToNull(email);
            case SMS, WHATSAPP -> blankToNull(phone);
            case PUSH -> blankToNull(pushToken);
            case LOG -> customerId;
        };
    }

    /** Marketing consent for a channel (needed for surveys and personal moments only). */
    public boolean consents(NotificationChannel channel) {
        return switch (channel) {
            case EMAIL -> consentEmail;
            case SMS -> consentSms;
            case WHATSAPP -> consentWhatsapp;
            case PUSH -> consentPush;
            case LOG -> true;
        };
    }

    /** Forgets everything personal; the id stays so later events can be suppressed with a reason. */
    public void erase(Instant at) {
        email = null;
        phone = null;
        pushToken = null;
        firstName = null;
        lastName = null;
        language = null;
        timeZone = null;
        birthday = null;
        firstPurchaseDate = null;
        consentEmail = false;
        consentSms = false;
        consentWhatsapp = false;
        consentPush = false;
        erased = true;
        updatedAt = at;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
