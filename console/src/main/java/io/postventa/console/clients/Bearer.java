package io.postventa.console.clients;

import io.postventa.console.auth.ConsoleUser;
import io.quarkus.arc.Arc;

/** The signed-in person's token for the {@code Authorization} header of every call to a service. */
public final class Bearer {
    private Bearer() {
    }

    /** Called by the REST clients on the request's thread, where the person's request context is active. */
    public static String header() {
        return Arc.container().instance(ConsoleUser.class).get().bearer();
    }
}
