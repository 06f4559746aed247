package io.postventa.console.web;

import java.util.List;
import java.util.Locale;

import io.postventa.console.ConsoleConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/** The language of this request: the person's choice (a cookie), else the browser's, else the first offered. */
@RequestScoped
public class Lang {
    /** Cookie holding the person's choice of language. */
    public static final String COOKIE = "console-lang";

    private final String lang;

    public Lang(HttpServerRequest request, ConsoleConfig config) {
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
}
