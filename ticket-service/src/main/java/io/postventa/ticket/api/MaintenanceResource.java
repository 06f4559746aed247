package io.postventa.ticket.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.ticket.service.OrderSearchKeys;
import io.postventa.ticket.service.SlaRecompute;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Maintenance an admin runs: derive what the service keeps derived, for data that did not come through it. */
@Path("/api/v1/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {
    private final OrderSearchKeys searchKeys;
    private final SlaRecompute sla;

    /** What a rebuild did. */
    public record Rebuilt(OrderSearchKeys.Derived searchKeys, SlaRecompute.Recomputed sla, double seconds) {
    }

    public MaintenanceResource(OrderSearchKeys searchKeys, SlaRecompute sla) {
        this.searchKeys = searchKeys;
        this.sla = sla;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Derive the customer search's keys of every order and the SLA state of every active ticket "
            + "(after an import or a restore); targets that already ran out are marked breached without an event")
    @APIResponse(responseCode = "200", description = "OK")
    public Rebuilt rebuild() {
        long start = System.nanoTime();
        OrderSearchKeys.Derived keys = searchKeys.derive();
        SlaRecompute.Recomputed recomputed = sla.run();
        return new Rebuilt(keys, recomputed, Math.round((System.nanoTime() - start) / 1e7) / 100.0);
    }
}
