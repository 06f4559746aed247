package io.postventa.portal.web;

import java.util.List;
import java.util.Locale;

import io.postventa.portal.PortalConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * The language of this request: the customer's choice (a cookie set by the language form, or by their link with the
 * language of their messages), else the browser's, else the first offered.
 */
@RequestScoped
public class Lang {
    /** Cookie holding the customer's language. */
    public static final String COOKIE = "portal-lang";

    private final String lang;
    private final PortalConfig config;

    public Lang(HttpServerRequest request, PortalConfig config) {
        this.config = config;
        List<String> offered = config.languages();
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null && offered.contains(chosen.getValue())) {
            lang = chosen.getValue();
            return;
        }
        String header = request.getHeader("Accept-Language");
        String best = null;
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String code = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (offered.contains(code)) {
                        best = code;
                        break;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                best = null;
            }
        }
        lang = best != null ? best : offered.get(0);
    }

    public String code() {
        return lang;
    }

    /** A cookie choosing {@code code}, or null when it is not offered. */
    public Cookie choose(String code) {
        if (code == null || !config.languages().contains(code)) {
            return null;
        }
        return Cookie.cookie(COOKIE, code).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(config.session().cookieSecure()).setMaxAge(365L * 24 * 3600);
    }
}
