package io.postventa.portal.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.WithPriority;

/**
 * Reads the services' JSON objects (maps) the way JSON reads: a field that is absent is null, as if it were sent as
 * null. Without it a service that stops sending a null field would break the page that shows it; everything else
 * in the templates stays strict.
 */
@EngineConfiguration
public class JsonMapResolver implements ValueResolver {
    private static final Set<String> MAP_PROPERTIES = Set.of("keys", "keySet", "values", "size", "isEmpty", "entrySet");

    @Override
    public int getPriority() {
        return WithPriority.DEFAULT_PRIORITY + 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof Map && context.getParams().isEmpty()
                && !MAP_PROPERTIES.contains(context.getName());
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        return CompletedStage.of(((Map<?, ?>) context.getBase()).get(context.getName()));
    }
}
