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

/** A customer's contact data from customers.v1; emptied when the customer is erased. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public String id;
    public String email;
    public String phone;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String language;
    /** ISO 3166-1 alpha-2 country the customer's orders ship to, when known. */
    public String country;
    public boolean erased;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
