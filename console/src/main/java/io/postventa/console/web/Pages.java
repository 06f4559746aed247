package io.postventa.console.web;

import io.postventa.console.ConsoleConfig;
import io.postventa.console.auth.ConsoleUser;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/** What every page's layout needs: the texts of the request's language, the person, the navigation. */
@RequestScoped
public class Pages {
    private final Texts texts;
    private final Lang lang;
    private final ConsoleUser user;
    private final ConsoleConfig config;

    /** The person as the layout shows them. */
    @TemplateData
    public record UserView(boolean signedIn, String subject, String name, String role, String team, boolean agent,
            boolean partner, boolean worksTickets, boolean manager, boolean admin) {
        static UserView of(ConsoleUser u) {
            if (!u.signedIn()) {
                return new UserView(false, "", "", "", null, false, false, false, false, false);
            }
            return new UserView(true, u.subject(), u.name(), u.role(), u.team().orElse(null), u.isAgent(), u.isPartner(),
                    u.worksTickets(), u.isManager(), u.isAdmin());
        }
    }

    private final HttpServerRequest request;

    public Pages(Texts texts, Lang lang, ConsoleUser user, ConsoleConfig config, HttpServerRequest request) {
        this.request = request;
        this.texts = texts;
        this.lang = lang;
        this.user = user;
        this.config = config;
    }

    /** {@code template} with the layout's data; {@code current} names the navigation entry to mark. */
    public TemplateInstance page(Template template, String current) {
        return template.data("t", texts.of(lang.code()))
                .data("currentPath", request.method() == io.vertx.core.http.HttpMethod.GET ? request.uri() : null)
                .data("lang", lang.code())
                .data("languages", config.languages())
                .data("user", UserView.of(user))
                .data("current", current)
                .data("dashboardUrl", config.feedbackDashboardUrl());
    }

    public String lang() {
        return lang.code();
    }

    public java.util.Map<String, String> texts() {
        return texts.of(lang.code());
    }
}
