package io.postventa.portal.auth;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Renews a session in use past half its life, so a customer reading the pages is not sent back to the link. */
public class SessionRenewal {
    @Inject
    PortalSession session;

    @Inject
    HttpServerResponse response;

    @ServerResponseFilter
    public void renew(ContainerResponseContext context) {
        if (context.getHeaders().containsKey("Set-Cookie")) {
            return; // the page started or ended the session itself
        }
        session.renewal().ifPresent(response::addCookie);
    }
}
