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

    private String lang;
    private final PortalConfig config;
    private final boolean chosen;

    public Lang(HttpServerRequest request, PortalConfig config) {
        this.config = config;
        List<String> offered = config.languages();
        Cookie cookie = request.getCookie(COOKIE);
        chosen = cookie != null && offered.contains(cookie.getValue());
        if (chosen) {
            lang = cookie.getValue();
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

    /** Whether the customer chose a language (or a link chose it for them) before this request. */
    public boolean chosen() {
        return chosen;
    }

    /**
     * Speaks {@code code} on this request when nobody chose a language yet (the language of the message a link came
     * from); returns the cookie that keeps it, or null when it does not apply.
     */
    public Cookie adopt(String code) {
        String language = code == null ? null : code.split("[-_]")[0].toLowerCase(Locale.ROOT);
        if (chosen || language == null || !config.languages().contains(language)) {
            return null;
        }
        lang = language;
        return choose(language);
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
