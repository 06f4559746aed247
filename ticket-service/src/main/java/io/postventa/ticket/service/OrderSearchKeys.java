package io.postventa.ticket.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Derives the customer search's keys from the order lines the read model keeps (order_view.products, "name sku |
 * name sku"): each order's SKUs in lower case and every distinct line once in product_line, as ReadModelService
 * keeps them order by order. For orders that did not come through the consumer (an import, a bulk load).
 */
@ApplicationScoped
public class OrderSearchKeys {
    /** A line's SKU is its last word; SKUs are matched in lower case. */
    private static final String SKU_OF_LINE = "lower(regexp_replace(l, '^.*\\s', ''))";
    private static final String LINES = "from order_view, unnest(string_to_array(products, ' | ')) l where products is not null";

    /** How many orders got new keys and how many lines were new to product_line. */
    public record Derived(int orders, int productLines) {
    }

    private final EntityManager em;

    public OrderSearchKeys(EntityManager em) {
        this.em = em;
    }

    /** One set-based pass over every order (a million take tens of seconds, more than the default 60 s timeout). */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Derived derive() {
        int orders = em.createNativeQuery("update order_view o set skus = s.skus from (select order_id, array_agg(distinct "
                + SKU_OF_LINE + ") skus " + LINES + " group by order_id) s where o.order_id = s.order_id"
                + " and (o.skus is null or not (o.skus @> s.skus and s.skus @> o.skus))").executeUpdate();
        int lines = em.createNativeQuery("insert into product_line (line, sku) select distinct l, " + SKU_OF_LINE + " " + LINES
                + " on conflict do nothing").executeUpdate();
        return new Derived(orders, lines);
    }
}
