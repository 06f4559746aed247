package io.postventa.portal.pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.portal.auth.PortalSession;
import io.postventa.portal.clients.OrderStatusClient;
import io.postventa.portal.clients.ReturnsClient;
import io.postventa.portal.web.Calls;
import io.postventa.portal.web.Pages;
import io.postventa.portal.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The order's page: its status and timeline in the customer's language as order-status-service answers them (which
 * never moves back on a late event), the promised date, a delay or incident in plain words with what the store does,
 * carrier and tracking number, the items, and the order's returns.
 */
@Path("/order")
@Produces(MediaType.TEXT_HTML)
public class OrderPage {
    private final OrderStatusClient orders;
    private final ReturnsClient returns;
    private final Calls calls;
    private final Pages pages;
    private final PortalSession session;
    private final Template page;

    public OrderPage(@RestClient OrderStatusClient orders, @RestClient ReturnsClient returns, Calls calls, Pages pages,
            PortalSession session, @Location("order.html") Template page) {
        this.orders = orders;
        this.returns = returns;
        this.calls = calls;
        this.pages = pages;
        this.session = session;
        this.page = page;
    }

    @GET
    public Response show() {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        String orderId = session.orderId();
        Part<Object> order = calls.call("order-status-service", () -> orders.order(orderId, pages.lang()));
        Part<Object> history = calls.call("returns-service", () -> returns.history(session.customerId()));
        Part<Object> pickup = order.isOk() && "AVAILABLE_FOR_PICKUP".equals(((Map<?, ?>) order.value()).get("status"))
                ? calls.call("order-status-service", () -> orders.pickupPoint(orderId)) : Part.ok(null);
        List<Object> orderReturns = new ArrayList<>();
        if (history.isOk() && history.value() instanceof Map<?, ?> h && h.get("returns") instanceof List<?> all) {
            for (Object r : all) {
                if (r instanceof Map<?, ?> m && orderId.equals(m.get("orderId"))) {
                    orderReturns.add(r);
                }
            }
        }
        return Response.ok(pages.page(page, "order").data("order", order).data("returnsPart", history)
                .data("returns", orderReturns).data("pickup", pickup.orElse(null))).build();
    }
}
