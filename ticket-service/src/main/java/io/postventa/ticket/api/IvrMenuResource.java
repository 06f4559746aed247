package io.postventa.ticket.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.config.TextsProducer;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import io.postventa.web.Texts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The IVR menu as the phone system reads it to a caller: each option's digit, reason and prompt, in a language. */
@Path("/api/v1/ivr-menu")
@Produces(MediaType.APPLICATION_JSON)
public class IvrMenuResource {

    public record IvrOption(String option, ContactReason reason, String prompt) {
    }

    public record IvrMenu(String language, String greeting, List<IvrOption> options) {
    }

    private final TicketConfig config;
    private final Texts texts;

    public IvrMenuResource(TicketConfig config, Texts texts) {
        this.config = config;
        this.texts = texts;
    }

    @GET
    @RolesAllowed({Caller.PLATFORM, Caller.AGENT, Caller.ADMIN, Caller.MANAGER})
    public IvrMenu menu(@QueryParam("language") String language) {
        if (language != null && !texts.speaks(language)) {
            throw ProblemException.badField("language", "must be one of " + texts.languages());
        }
        String lang = language != null ? language : texts.defaultLanguage();
        List<IvrOption> options = new ArrayList<>();
        TextsProducer.ivrMenu(config).forEach((option, reason) -> options.add(new IvrOption(option, reason,
                texts.get(lang, "ivr.option." + reason.name(), Map.of("option", option)))));
        return new IvrMenu(lang, texts.get(lang, "ivr.greeting"), options);
    }
}
