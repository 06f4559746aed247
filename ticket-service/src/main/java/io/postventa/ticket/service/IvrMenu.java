package io.postventa.ticket.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.config.TextsProducer;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.web.Texts;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** The IVR menu as the phone system reads it to a caller: each option's digit, reason and prompt, in a language. */
@ApplicationScoped
public class IvrMenu {

    public record IvrOption(String option, ContactReason reason, String prompt) {
    }

    public record Menu(String language, String greeting, List<IvrOption> options) {
    }

    private final TicketConfig config;
    private final Texts texts;

    public IvrMenu(TicketConfig config, Texts texts) {
        this.config = config;
        this.texts = texts;
    }

    /** The menu in {@code language} (400 naming it when the service does not speak it), else the default language. */
    public Menu in(String language) {
        if (language != null && !texts.speaks(language)) {
            throw ProblemException.badField("language", "must be one of " + texts.languages());
        }
        String lang = language != null ? language : texts.defaultLanguage();
        List<IvrOption> options = new ArrayList<>();
        TextsProducer.ivrMenu(config).forEach((option, reason) -> options.add(new IvrOption(option, reason,
                texts.get(lang, "ivr.option." + reason.name(), Map.of("option", option)))));
        return new Menu(lang, texts.get(lang, "ivr.greeting"), options);
    }
}
