package io.postventa.notification.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.Locales;
import io.postventa.notification.domain.PortalLinkToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The customer portal's links: one per order and its customer, signed into a token every message about the order
 * carries ({@link #tokenFor}), checked when the portal opens one ({@link #verify}), found again from the order number
 * and the e-mail or postcode of the order ({@link #lookup}), and deleted with the customer on erasure
 * ({@link #erase}). The portal then acts as the customer the link names; this service only says who that is.
 */
@ApplicationScoped
public class PortalLinks {
    private static final Logger LOG = Logger.getLogger(PortalLinks.class);

    /** What a link check found. */
    public enum State {
        VALID, EXPIRED, INVALID
    }

    /** The answer to a check: for a valid link, whose order it opens and in which language to greet them. */
    public record Check(State state, String customerId, String orderId, Instant expiresAt, String language, String token,
            UUID messageId) {
        static Check of(State state) {
            return new Check(state, null, null, null, null, null, null);
        }
    }

    /** The key of a transaction's prepared links in the synchronization registry. */
    private static final Object PREPARED = new Object();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final PortalLinkToken tokens;
    private final Duration ttl;
    private final Duration renewBefore;
    private final String defaultLanguage;

    public PortalLinks(EntityManager em, TransactionSynchronizationRegistry transactions, Clock clock,
            NotificationConfig config) {
        this.em = em;
        this.transactions = transactions;
        this.clock = clock;
        this.tokens = new PortalLinkToken(config.portalLinkSecret());
        this.ttl = config.portalLinkTtl();
        this.renewBefore = config.portalLinkRenewBefore();
        this.defaultLanguage = config.defaultLanguage();
    }

    /**
     * The token of the order's link for a message planned now, creating the link (or moving its expiry on when less
     * than {@code renew-before} is left): every message about an order carries the same token until then. Empty when
     * the order is known under another customer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> tokenFor(String customerId, String orderId) {
        return tokenFor(customerId, orderId, null);
    }

    /**
     * As {@link #tokenFor(String, String)}, for the message {@code messageId}: the same link, its token naming the
     * message, so that opening it counts as a visit for that message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> tokenFor(String customerId, String orderId, UUID messageId) {
        if (customerId == null || orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<String, Link> known = prepared();
        Link link;
        if (known != null && known.containsKey(orderId)) {
            link = known.get(orderId);
        } else {
            link = read(List.of(orderId)).get(orderId);
        }
        if (link != null) {
            if (!customerId.equals(link.customerId())) {
                LOG.warnf("order %s is known under another customer: its messages carry no portal link", orderId);
                return Optional.empty();
            }
            if (link.expiresAt() != null && link.expiresAt().isAfter(now.plus(renewBefore))) {
                return Optional.of(tokens.sign(link.linkId(), link.expiresAt(), messageId));
            }
        }
        Instant expires = now.plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Object[] row = (Object[]) em.createNativeQuery("""
                insert into portal_link (order_id, customer_id, link_id, expires_at, created_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (order_id) do update set expires_at = excluded.expires_at
                where portal_link.customer_id = excluded.customer_id
                returning cast(link_id as text), expires_at
                """).setParameter(1, orderId).setParameter(2, customerId).setParameter(3, UUID.randomUUID())
                .setParameter(4, Timestamp.from(expires)).setParameter(5, Timestamp.from(now))
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream().findFirst().orElse(null);
        if (known != null) {
            if (row == null) {
                known.remove(orderId); // another customer's: read again if asked again
            } else {
                known.put(orderId, new Link(UUID.fromString((String) row[0]), customerId, instant(row[1])));
            }
        }
        return row == null ? Optional.empty()
                : Optional.of(tokens.sign(UUID.fromString((String) row[0]), instant(row[1]), messageId));
    }

    /** An order's link as stored. */
    private record Link(UUID linkId, String customerId, Instant expiresAt) {
    }

    /**
     * Reads the links of these orders once for the current transaction (a poll's messages), so that
     * {@link #tokenFor} asks the database only for a link it has to create or renew. The transaction's own upserts keep
     * it current; an order without a link is remembered as such.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<String> orderIds) {
        Set<String> ids = new HashSet<>(orderIds);
        ids.remove(null);
        Map<String, Link> known = new HashMap<>();
        if (!ids.isEmpty()) {
            Map<String, Link> read = read(ids);
            for (String id : ids) {
                known.put(id, read.get(id)); // null: no link yet
            }
        }
        transactions.putResource(PREPARED, known);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Link> prepared() {
        return (Map<String, Link>) transactions.getResource(PREPARED);
    }

    /**
     * The links of these orders. Not flushed first (nor are the upserts): portal_link is not an entity, and a flush
     * here sent the transaction's pending delivery inserts one statement at a time instead of in a JDBC batch.
     */
    private Map<String, Link> read(Collection<String> orderIds) {
        Map<String, Link> links = new HashMap<>();
        List<?> rows = em.createNativeQuery("select order_id, cast(link_id as text), customer_id, expires_at from portal_link"
                + " where order_id = any(?1)").setParameter(1, orderIds.toArray(String[]::new))
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            links.put((String) row[0], new Link(UUID.fromString((String) row[1]), (String) row[2], instant(row[3])));
        }
        return links;
    }

    /** An order as the store placed it (orders.lifecycle.v1): who it is for and where it goes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(String orderId, String customerId, String postcode, Instant at) {
        // an erased customer gets no link: checked in the insert itself, not by a query of its own per order
        em.createNativeQuery("""
                insert into portal_link (order_id, customer_id, link_id, postcode, created_at)
                select ?1, ?2, ?3, ?4, ?5
                where not exists (select 1 from customer_contact where customer_id = ?2 and erased)
                on conflict (order_id) do update set postcode = excluded.postcode
                where portal_link.customer_id = excluded.customer_id
                """).setParameter(1, orderId).setParameter(2, customerId).setParameter(3, UUID.randomUUID())
                .setParameter(4, postcode(postcode)).setParameter(5, Timestamp.from(at == null ? clock.instant() : at))
                .executeUpdate();
    }

    /** The order's new delivery postcode (ORDER_ADDRESS_CHANGED); nothing when the order is not known here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addressChanged(String orderId, String postcode) {
        em.createNativeQuery("update portal_link set postcode = ?2 where order_id = ?1")
                .setParameter(1, orderId).setParameter(2, postcode(postcode)).executeUpdate();
    }

    /** Checks a token the portal was handed: signed here, not expired, and its link not erased. */
    @Transactional
    public Check verify(String token) {
        Optional<PortalLinkToken.Claims> claims = tokens.verify(token);
        if (claims.isEmpty()) {
            return Check.of(State.INVALID);
        }
        List<?> rows = em.createNativeQuery("""
                select l.customer_id, l.order_id, p.language, c.language, c.erased from portal_link l
                left join customer_contact c on c.customer_id = l.customer_id
                left join customer_preferences p on p.customer_id = l.customer_id
                where l.link_id = ?1
                """).setParameter(1, claims.get().linkId()).getResultList();
        if (rows.isEmpty() || Boolean.TRUE.equals(((Object[]) rows.get(0))[4])) {
            return Check.of(State.INVALID);
        }
        if (claims.get().expiredAt(clock.instant())) {
            return Check.of(State.EXPIRED);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Check(State.VALID, (String) row[0], (String) row[1], claims.get().expiresAt(),
                Locales.resolve((String) row[2], (String) row[3], null, defaultLanguage), token, claims.get().messageId());
    }

    /**
     * The order's link for whoever knows its number and its customer's e-mail (any letter case) or its delivery
     * postcode (spaces, hyphens and case ignored): a fresh token, as a message would carry. Empty, the same, for an
     * unknown order, a wrong e-mail, a wrong postcode or an erased customer.
     */
    @Transactional
    public Optional<Check> lookup(String orderId, String email, String postcode) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("""
                select l.customer_id, l.postcode, c.email, c.erased from portal_link l
                left join customer_contact c on c.customer_id = l.customer_id where l.order_id = ?1
                """).setParameter(1, orderId.trim()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (Boolean.TRUE.equals(row[3])) {
            return Optional.empty();
        }
        boolean emailMatches = email != null && !email.isBlank() && row[2] != null
                && ((String) row[2]).trim().equalsIgnoreCase(email.trim());
        boolean postcodeMatches = postcode != null && !postcode.isBlank() && row[1] != null
                && postcode((String) row[1]).equals(postcode(postcode));
        if (!emailMatches && !postcodeMatches) {
            return Optional.empty();
        }
        return tokenFor((String) row[0], orderId.trim()).map(this::verify).filter(c -> c.state() == State.VALID);
    }

    /** The right to erasure: the customer's links stop working and their orders can no longer be looked up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String customerId) {
        Map<String, Link> known = prepared();
        if (known != null) {
            known.clear(); // not expected in a planning transaction; never sign a withdrawn link from memory
        }
        return em.createNativeQuery("delete from portal_link where customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
    }

    /** A postcode as compared: without spaces or hyphens, upper case ("1100 148" is Lisbon's "1100-148"). */
    static String postcode(String postcode) {
        return postcode == null ? null : postcode.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
