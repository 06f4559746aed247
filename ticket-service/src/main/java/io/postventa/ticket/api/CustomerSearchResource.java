package io.postventa.ticket.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.postventa.ticket.api.TicketViews.CustomerView;
import io.postventa.ticket.api.TicketViews.OrderSummary;
import io.postventa.ticket.api.TicketViews.ReturnSummary;
import io.postventa.ticket.api.TicketViews.TicketView;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.OrderView;
import io.postventa.ticket.domain.ReturnView;
import io.postventa.ticket.domain.Ticket;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Customer 360: one box that finds a customer by e-mail, phone, name, city, order id, order amount or product
 * bought, and shows their orders with status, returns and tickets. Every lookup is an indexed query.
 */
@Path("/api/v1/customers/search")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerSearchResource {
    private static final int MAX_CUSTOMERS = 20;

    // each lookup matches one index of V1 (a test checks the planner can use it)
    static final String BY_EMAIL = "select id from customer where lower(email) = :q";
    static final String BY_PHONE = "select id from customer where phone in (:q, :q2)";
    static final String BY_ORDER = "select customer_id from order_view where order_id = :q";
    static final String BY_AMOUNT = "select customer_id from order_view where total = :q";
    static final String BY_NAME = "select id from customer where (coalesce(first_name, '') || ' ' || "
            + "coalesce(last_name, '')) ilike :q";
    static final String BY_CITY = "select customer_id from order_view where lower(city) = :q";
    static final String BY_PRODUCT = "select customer_id from order_view where products ilike :q";

    /** One customer found, with what matched and everything this service knows of them. */
    public record CustomerResult(String customerId, Set<String> matchedBy, CustomerView customer,
            List<OrderSummary> orders, List<ReturnSummary> returns, List<TicketView> tickets) {
    }

    public record SearchResult(String q, List<CustomerResult> customers) {
    }

    private final EntityManager em;

    public CustomerSearchResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @RolesAllowed(Caller.AGENT)
    @Transactional
    public SearchResult search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("10") int limit) {
        if (q == null || q.isBlank() || q.trim().length() < 2) {
            throw ProblemException.badField("q", "must have at least 2 characters");
        }
        if (q.length() > 200) {
            throw ProblemException.badField("q", "must have at most 200 characters");
        }
        if (limit < 1 || limit > MAX_CUSTOMERS) {
            throw ProblemException.badField("limit", "must be between 1 and " + MAX_CUSTOMERS);
        }
        String query = q.trim();
        Map<String, Set<String>> found = new LinkedHashMap<>();
        if (query.contains("@")) {
            add(found, "email", ids(BY_EMAIL, query.toLowerCase(Locale.ROOT)));
        }
        String digits = query.replaceAll("[\\s-]", "");
        if (digits.matches("\\+?\\d{6,15}")) {
            String plus = digits.startsWith("+") ? digits : "+" + digits;
            add(found, "phone", ids(BY_PHONE, digits, plus));
        }
        add(found, "orderId", ids(BY_ORDER, query));
        if (query.matches("\\d{1,10}([.,]\\d{1,2})?")) {
            add(found, "amount", ids(BY_AMOUNT,
                    new BigDecimal(query.replace(',', '.'))));
        }
        if (!query.contains("@") && query.length() >= 3) {
            String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            add(found, "name", ids(BY_NAME, like));
            add(found, "city", ids(BY_CITY,
                    query.toLowerCase(Locale.ROOT)));
            add(found, "product", ids(BY_PRODUCT, like));
        }
        List<CustomerResult> results = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : found.entrySet()) {
            if (results.size() >= limit) {
                break;
            }
            results.add(result(entry.getKey(), entry.getValue()));
        }
        return new SearchResult(query, results);
    }

    private CustomerResult result(String customerId, Set<String> matchedBy) {
        Customer c = Customer.findById(customerId);
        List<OrderSummary> orders = OrderView.<OrderView>find("customerId = ?1 order by placedAt desc nulls last",
                customerId).page(0, 20).list().stream().map(o -> TicketViews.view(o, false)).toList();
        List<ReturnSummary> returns = ReturnView.<ReturnView>find("customerId = ?1 order by updatedAt desc", customerId)
                .page(0, 20).list().stream().map(TicketViews::view).toList();
        List<TicketView> tickets = Ticket.<Ticket>find("customerId = ?1 and mergedInto is null order by createdAt desc",
                customerId).page(0, 20).list().stream().map(t -> TicketViews.view(t, false)).toList();
        return new CustomerResult(customerId, matchedBy, c == null ? null : TicketViews.view(c, false), orders, returns,
                tickets);
    }

    private static void add(Map<String, Set<String>> found, String field, List<String> ids) {
        for (String id : ids) {
            if (id != null) {
                found.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(field);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String sql, Object q) {
        return em.createNativeQuery(sql + " limit " + MAX_CUSTOMERS).setParameter("q", q).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String sql, Object q, Object q2) {
        return em.createNativeQuery(sql + " limit " + MAX_CUSTOMERS).setParameter("q", q).setParameter("q2", q2)
                .getResultList();
    }
}
