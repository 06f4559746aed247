package io.postventa.ticket.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.query.NativeQuery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.postventa.events.common.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The distinct order lines of product_line, the small table the customer search matches product words against. A
 * store sells the same few thousand lines over and over, so nearly every order's lines are already there: the
 * service remembers the lines it knows are stored (a bounded cache, {@link #CAPACITY}) and inserts only the others.
 * It asked PostgreSQL to insert each order's lines anyway, 0.26 statements per order event that inserted nothing
 * (docs/performance/2026-12-07-ticket-statements.md). A line is remembered only once the transaction that inserted
 * or met it has committed, so a rolled-back insert is never taken for a stored line; nothing in the service deletes
 * from product_line.
 */
@ApplicationScoped
public class ProductLines {
    /** Lines remembered; a forgotten one costs one insert that finds it there. */
    static final int CAPACITY = 50_000;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<String, Boolean> stored = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    public ProductLines(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** The text agents see and product-name words match: "name sku". */
    public static String line(OrderLine line) {
        return line.name() + " " + line.sku();
    }

    /** Makes sure each of these lines is in product_line (with its SKU as the search stores it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<OrderLine> lines) {
        Map<String, String> unknown = new LinkedHashMap<>();
        for (OrderLine l : lines) {
            String line = line(l);
            if (stored.getIfPresent(line) == null) {
                unknown.putIfAbsent(line, KnownOrders.sku(l.sku()));
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into product_line (line, sku) values ");
        for (int i = 0; i < unknown.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
        }
        // the insert touches product_line only: without the space, Hibernate flushes every pending order_view change
        // before it, one more round of updates per order
        NativeQuery<?> insert = em.createNativeQuery(sql.append(" on conflict do nothing").toString())
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("product_line");
        int i = 0;
        for (Map.Entry<String, String> e : unknown.entrySet()) {
            insert.setParameter(++i, e.getKey());
            insert.setParameter(++i, e.getValue());
        }
        insert.executeUpdate();
        List<String> inserted = new ArrayList<>(unknown.keySet());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    inserted.forEach(line -> stored.put(line, Boolean.TRUE));
                }
            }
        });
    }
}
