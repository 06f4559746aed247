package io.postventa.notification.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.notification.service.PreferencesService;
import io.postventa.notification.service.PreferencesService.Update;
import io.postventa.notification.service.PreferencesService.View;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in customer's message preferences: channels per kind, quiet hours, language. */
@Path("/api/v1/customers/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CUSTOMER)
public class PreferencesResource {
    private final PreferencesService preferences;
    private final Caller caller;

    public PreferencesResource(PreferencesService preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The calling customer's channels, language and consents")
    @APIResponse(responseCode = "200", description = "OK")
    public View get() {
        return preferences.view(caller.subject());
    }

    @PUT
    @Operation(summary = "Change the calling customer's channels, language and consents")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public View put(Update update) {
        return preferences.update(caller.subject(), update);
    }
}
