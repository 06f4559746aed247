package io.postventa.ticket.service;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.postgresql.PGStatement;

import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.KnownOrder;
import io.postventa.ticket.domain.KnownReturn;
import io.postventa.ticket.domain.Phones;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.service.TicketViews.CustomerView;
import io.postventa.ticket.service.TicketViews.OrderSummary;
import io.postventa.ticket.service.TicketViews.ReturnSummary;
import io.postventa.ticket.service.TicketViews.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Customer 360: one box that finds a customer by e-mail, phone, name, city, order id, order amount or product
 * bought, and shows their orders with status, returns and tickets. Every lookup is an indexed query.
 */
@ApplicationScoped
public class CustomerSearch {
    /** Most customers one search shows. */
    public static final int MAX_CUSTOMERS = 20;
    private static final int PER_CUSTOMER = 20;

    // each lookup matches one index of V1 (a test checks the planner can use it)
    public static final String BY_EMAIL = "select id from customer where lower(email) = :q";
    // E.164 as stored; the typed digits too, for a number kept as typed because it could not be read as one
    public static final String BY_PHONE = "select id from customer where phone in (:q, :q2)";
    public static final String BY_ORDER = "select customer_id from order_view where order_id = :q";
    public static final String BY_AMOUNT = "select customer_id from order_view where total = :q";
    // the name lookup is planned as if it were to return every match (a materialised CTE is planned on its own,
    // without the LIMIT), then read lazily up to the limit: planned under the LIMIT, a full name such as
    // "Sánchez Ruiz" (estimated at 1% of the customers, matched by a few dozen) was a sequential scan that expected
    // twenty matches soon and read a quarter of the table for them, 44-82 ms instead of 7 ms by the trigram index;
    // a pattern that matches many customers is still read sequentially, and stops at the limit
    public static final String BY_NAME = "with m as materialized (select id from customer where (coalesce(first_name, '')"
            + " || ' ' || coalesce(last_name, '')) ilike :q) select id from m";
    public static final String BY_CITY = "select customer_id from order_view where lower(city) = :q";
    // a SKU is an exact match of an array element; a product-name word is matched against the few thousand
    // distinct order lines (not the million orders), and the SKUs of the first lines found select the orders
    public static final String BY_SKU = "select customer_id from order_view where skus @> array[cast(:q as text)]";
    // (one lateral lookup per SKU: with `skus && array(select ...)` the planner cannot see the array and chose a
    // sequential scan of order_view, which for a rarely bought product reads every order; an order must still
    // show the words: one SKU may be sold under other names, and the first orders of the SKU need not be the
    // ones that matched)
    // (the lines are matched lower-cased with LIKE, :q2: ILIKE lower-cased every line as it compared them, 7 ms a
    // search; see V5__product_line_lower.sql)
    public static final String BY_PRODUCT = "select o.customer_id from (select sku from product_line where line_lower like :q2"
            + " limit " + MAX_CUSTOMERS + ") p cross join lateral (select customer_id from order_view"
            + " where skus @> array[p.sku] and products ilike :q limit " + MAX_CUSTOMERS + ") o";
    /** The named parameters of the lookups above, bound by {@link #ids(String, Object, Object)}. */
    private static final Pattern PARAMETER = Pattern.compile(":q2?\\b");
    /** One word of letters, digits and - _ . / with a digit or a separator in it: SKU-00123, TSHIRT-BLU-M, ANC2. */
    private static final Pattern SKU_LIKE = Pattern.compile("(?=.*[\\d_./-])[\\p{L}\\d_./-]{3,}");

    // the latest of each customer shown: row_number() keeps 20 per customer in the database
    public static final String LATEST_ORDERS = "select * from (select o.*, row_number() over (partition by o.customer_id"
            + " order by o.placed_at desc nulls last, o.order_id) rn from order_view o where o.customer_id in (:ids)) x"
            + " where x.rn <= " + PER_CUSTOMER + " order by x.customer_id, x.rn";
    public static final String LATEST_RETURNS = "select * from (select r.*, row_number() over (partition by r.customer_id"
            + " order by r.updated_at desc, r.return_id) rn from return_view r where r.customer_id in (:ids)) x"
            + " where x.rn <= " + PER_CUSTOMER + " order by x.customer_id, x.rn";
    public static final String LATEST_TICKETS = "select * from (select t.*, row_number() over (partition by t.customer_id"
            + " order by t.created_at desc, t.id) rn from ticket t where t.customer_id in (:ids) and t.merged_into is null) x"
            + " where x.rn <= " + PER_CUSTOMER + " order by x.customer_id, x.rn";

    /** One customer found, with what matched and everything this service knows of them. */
    public record CustomerResult(String customerId, Set<String> matchedBy, CustomerView customer,
            List<OrderSummary> orders, List<ReturnSummary> returns, List<TicketView> tickets) {
    }

    public record SearchResult(String q, List<CustomerResult> customers) {
    }

    private final EntityManager em;
    private final TicketConfig config;

    public CustomerSearch(EntityManager em, TicketConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The customers {@code query} (trimmed, 2 to 200 characters) finds, at most {@code limit} of them. */
    @Transactional
    public SearchResult search(String query, int limit) {
        // a search changes nothing: its entities (up to 20 orders, returns and tickets per customer shown) are
        // loaded read-only, without the snapshots and the dirty check at commit that managed ones cost
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        Map<String, Set<String>> found = new LinkedHashMap<>();
        if (query.contains("@")) {
            add(found, "email", ids(BY_EMAIL, query.toLowerCase(Locale.ROOT)));
        }
        // a phone number as people type it ("600 12 34 56", "(+34) 600-12-34-56") is looked up in E.164
        String digits = query.replaceAll("[\\s().-]", "");
        if (digits.matches("\\+?\\d{6,15}")) {
            String e164 = Phones.e164(query, config.phone().defaultRegion());
            add(found, "phone", ids(BY_PHONE, e164 != null ? e164 : (digits.startsWith("+") ? digits : "+" + digits),
                    digits));
        }
        add(found, "orderId", ids(BY_ORDER, query));
        if (query.matches("\\d{1,10}([.,]\\d{1,2})?")) {
            add(found, "amount", ids(BY_AMOUNT,
                    new BigDecimal(query.replace(',', '.'))));
        }
        if (!query.contains("@") && query.length() >= 3) {
            String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            add(found, "name", ids(BY_NAME, like));
            add(found, "city", ids(BY_CITY, query.toLowerCase(Locale.ROOT)));
            products(found, query, like);
        }
        List<String> shown = found.keySet().stream().limit(limit).toList();
        return new SearchResult(query, results(shown, found));
    }

    /**
     * The 360 of every customer shown, in four statements whatever their number (the latest 20 orders, returns and
     * tickets of each), rather than four per customer.
     */
    private List<CustomerResult> results(List<String> customerIds, Map<String, Set<String>> matchedBy) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        Map<String, Customer> customers = new HashMap<>();
        // by id: one array-parameter statement translated once, where an HQL "in" list was translated per search
        for (Customer c : em.unwrap(Session.class).findMultiple(Customer.class, customerIds)) {
            if (c != null) {
                customers.put(c.id, c);
            }
        }
        Map<String, List<OrderSummary>> orders = latest(KnownOrder.class, LATEST_ORDERS, customerIds, o -> o.customerId,
                o -> TicketViews.view(o, false));
        Map<String, List<ReturnSummary>> returns = latest(KnownReturn.class, LATEST_RETURNS, customerIds,
                r -> r.customerId, TicketViews::view);
        Map<String, List<TicketView>> tickets = latest(Ticket.class, LATEST_TICKETS, customerIds, t -> t.customerId,
                t -> TicketViews.view(t, false));
        List<CustomerResult> results = new ArrayList<>(customerIds.size());
        for (String id : customerIds) {
            Customer c = customers.get(id);
            results.add(new CustomerResult(id, matchedBy.get(id), c == null ? null : TicketViews.view(c, false),
                    orders.getOrDefault(id, List.of()), returns.getOrDefault(id, List.of()),
                    tickets.getOrDefault(id, List.of())));
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private <E, V> Map<String, List<V>> latest(Class<E> entity, String sql, List<String> customerIds,
            Function<E, String> customerOf, Function<E, V> view) {
        Map<String, List<V>> byCustomer = new HashMap<>();
        for (E row : (List<E>) em.createNativeQuery(sql, entity).setParameter("ids", customerIds).getResultList()) {
            byCustomer.computeIfAbsent(customerOf.apply(row), k -> new ArrayList<>()).add(view.apply(row));
        }
        return byCustomer;
    }

    /**
     * A query shaped like a SKU is looked up exactly (case aside); when no order has that SKU, or the query is
     * words, it is matched as part of a product line ("name sku"), as any other text.
     */
    private void products(Map<String, Set<String>> found, String query, String like) {
        if (SKU_LIKE.matcher(query).matches()) {
            List<String> bySku = ids(BY_SKU, KnownOrders.sku(query));
            if (!bySku.isEmpty()) {
                add(found, "product", bySku);
                return;
            }
        }
        add(found, "product", ids(BY_PRODUCT, like, like.toLowerCase(Locale.ROOT)));
    }

    private static void add(Map<String, Set<String>> found, String field, List<String> ids) {
        for (String id : ids) {
            if (id != null) {
                found.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(field);
            }
        }
    }

    /**
     * A lookup's customer ids, planned for its actual value on every search. pgjdbc prepares a statement on the server
     * after five runs, and PostgreSQL may then settle on one generic plan for every value: for the city lookup that
     * was a sequential scan under the LIMIT (a city is expected to match 22,000 orders, so twenty come soon), which
     * read all million orders whenever the box held something else, 860 ms for every order-id search on that
     * connection (seen in the tickets benchmark). The same holds for the other lookups, so none keeps a plan.
     * {@code :q} and {@code :q2} bind {@code q} and {@code q2} wherever they appear.
     */
    private List<String> ids(String sql, Object q) {
        return ids(sql, q, null);
    }

    private List<String> ids(String sql, Object q, Object q2) {
        List<Object> values = new ArrayList<>();
        Matcher names = PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (names.find()) {
            values.add(names.group().equals(":q2") ? q2 : q);
            names.appendReplacement(jdbc, "?");
        }
        names.appendTail(jdbc).append(" limit ").append(MAX_CUSTOMERS);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(jdbc.toString())) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }
}
