package io.postventa.console.auth;

import java.net.URI;

import io.postventa.console.web.Lang;
import io.postventa.console.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sign-in, sign-out and the choice of language. With the development sign-in on, the page lists the seeded users
 * and signs the chosen one in; otherwise (production) the console's pages send the browser to the OIDC provider
 * and this page only leads there.
 */
@Path("/")
public class SignInResource {
    private final DevUsers users;
    private final DevTokenIssuer issuer;
    private final SessionCookie session;
    private final Pages pages;
    private final HttpServerResponse response;
    private final Template signIn;

    public SignInResource(DevUsers users, DevTokenIssuer issuer, SessionCookie session, Pages pages,
            HttpServerResponse response, @Location("sign-in.html") Template signIn) {
        this.users = users;
        this.issuer = issuer;
        this.session = session;
        this.pages = pages;
        this.response = response;
        this.signIn = signIn;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/inbox")).build();
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Object signInPage(@QueryParam("next") String next) {
        if (!issuer.enabled()) {
            // production: any page starts the OIDC authorization-code flow and comes back to it
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return pages.page(signIn, "sign-in").data("users", users.all()).data("next", safeNext(next));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("user") String userId, @FormParam("next") String next) {
        if (!issuer.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        var user = userId == null ? null : users.find(userId).orElse(null);
        if (user == null) {
            return Response.seeOther(URI.create("/sign-in?next=" + java.net.URLEncoder.encode(safeNext(next),
                    java.nio.charset.StandardCharsets.UTF_8))).build();
        }
        response.addCookie(session.create(issuer.issue(user)));
        return Response.seeOther(URI.create(safeNext(next))).build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        if (issuer.enabled()) {
            response.addCookie(session.expired());
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        // production: quarkus-oidc's logout path ends the session at the provider too
        return Response.seeOther(URI.create("/sign-out/oidc")).build();
    }

    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("lang") String lang, @FormParam("next") String next) {
        if (lang != null && lang.matches("[a-z]{2}")) {
            response.addCookie(Cookie.cookie(Lang.COOKIE, lang).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setMaxAge(365L * 24 * 3600));
        }
        return Response.seeOther(URI.create(safeNext(next))).build();
    }

    /** Only a path of this console: never another site (an open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/sign-in") || next.length() > 2000) {
            return "/inbox";
        }
        return next;
    }
}
