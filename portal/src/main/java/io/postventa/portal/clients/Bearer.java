package io.postventa.portal.clients;

import io.postventa.portal.auth.PortalSession;
import io.quarkus.arc.Arc;

/** The session's customer token for the {@code Authorization} header of every call made as the customer. */
public final class Bearer {
    private Bearer() {
    }

    /** Called by the REST clients on the request's thread, where the customer's request context is active. */
    public static String header() {
        return Arc.container().instance(PortalSession.class).get().bearer();
    }
}
