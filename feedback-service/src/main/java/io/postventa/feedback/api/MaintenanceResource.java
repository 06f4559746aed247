package io.postventa.feedback.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.feedback.service.KpiRebuild;
import io.postventa.feedback.service.KpiRebuild.Rebuilt;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Maintenance an admin runs: derive again, from the stored facts, what the consumers keep derived. */
@Path("/api/v1/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {
    private final KpiRebuild rebuild;

    public MaintenanceResource(KpiRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Derive defect flags, recovered detractors and every KPI rollup from the stored facts "
            + "(after an import or a change to a rollup); 409 when facts predate what a rebuild needs")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "Facts recorded before the service kept what the rebuild needs")
    public Rebuilt rebuild() {
        return rebuild.rebuild();
    }
}
