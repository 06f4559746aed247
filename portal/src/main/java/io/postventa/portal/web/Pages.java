package io.postventa.portal.web;

import java.util.Map;

import io.postventa.portal.PortalConfig;
import io.postventa.portal.auth.PortalSession;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/** What every page's layout needs: the texts of the request's language, whether a session is open, the navigation. */
@RequestScoped
public class Pages {
    private final Texts texts;
    private final Lang lang;
    private final PortalSession session;
    private final PortalConfig config;
    private final HttpServerRequest request;

    public Pages(Texts texts, Lang lang, PortalSession session, PortalConfig config, HttpServerRequest request) {
        this.texts = texts;
        this.lang = lang;
        this.session = session;
        this.config = config;
        this.request = request;
    }

    /** {@code template} with the layout's data; {@code current} names the navigation entry to mark. */
    public TemplateInstance page(Template template, String current) {
        // the page to come back to after choosing a language: path and query (an unsubscribe link's token)
        String path = request.method() == io.vertx.core.http.HttpMethod.GET ? request.uri() : null;
        return template.data("t", texts.of(lang.code()))
                .data("currentPath", path)
                .data("lang", lang.code())
                .data("languages", config.languages())
                .data("signedIn", session.active())
                .data("current", current);
    }

    public String lang() {
        return lang.code();
    }

    public Map<String, String> texts() {
        return texts.of(lang.code());
    }
}
