package io.postventa.web;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The security layer's refusals as problem+json, like every other 4xx. Quarkus REST's own mappers for these
 * exceptions answer with an empty body; these replace them (priority 1 wins over theirs). Every service runs with
 * {@code quarkus.http.auth.proactive=false}, so authentication happens inside the REST chain and its failures reach
 * exception mappers rather than the Vert.x failure handler. A 401 keeps the challenge the authentication mechanism
 * gives ({@code WWW-Authenticate: Bearer} from smallrye-jwt), asked of the request's {@link HttpAuthenticator} as
 * Quarkus's mapper asks it. The details say what is missing and never why a token failed (expired, signed by another
 * key, malformed): that would help whoever forges one, and the caller can read its own token's {@code exp}.
 */
public class SecurityProblemMappers {

    static final String NO_TOKEN = "this operation needs a bearer token: send Authorization: Bearer <token>";
    static final String BAD_TOKEN = "the bearer token was not accepted: it may have expired, or not be one this"
            + " platform issued; sign in again for a new token";
    static final String WRONG_ROLE = "the token's role may not use this operation (its roles are in the API"
            + " description)";

    /** No credentials where an identity is required (an anonymous caller on a role-protected operation). */
    @ServerExceptionMapper(priority = 1)
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context, UriInfo uri) {
        return challenge(context, NO_TOKEN, uri);
    }

    /** Credentials were sent and refused: an expired, malformed or foreign token. */
    @ServerExceptionMapper(priority = 1)
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context, UriInfo uri) {
        // what Quarkus's own mapper does too: security event observers and the access log learn of the failure
        HttpSecurityUtils.addAuthenticationFailureToEvent(e, context);
        return challenge(context, BAD_TOKEN, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> authenticationCompletion(AuthenticationCompletionException e, RoutingContext context,
            UriInfo uri) {
        return challenge(context, BAD_TOKEN, uri);
    }

    /** An authenticated caller whose roles the operation does not allow. */
    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type(403), "Forbidden", 403, WRONG_ROLE, path(uri), List.of())).build();
    }

    private static Uni<Response> challenge(RoutingContext context, String detail, UriInfo uri) {
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(unauthorized(null, detail, uri));
        }
        return authenticator.getChallenge(context)
                .map(challenge -> unauthorized(challenge, detail, uri))
                .onFailure().recoverWithItem(() -> unauthorized(null, detail, uri));
    }

    private static Response unauthorized(ChallengeData challenge, String detail, UriInfo uri) {
        int status = challenge == null ? 401 : challenge.status;
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type(status), status == 401 ? "Unauthorized" : "Authentication required", status,
                        detail, path(uri), List.of()));
        if (challenge == null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        } else {
            for (Map.Entry<CharSequence, String> header : challenge.getHeaders().entrySet()) {
                response.header(header.getKey().toString(), header.getValue());
            }
        }
        return response.build();
    }

    private static String type(int status) {
        return "https://postventa.io/problems/" + status;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
