package io.postventa.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.postventa.providerstub.ProviderStub;

/**
 * The whole platform on this machine, as {@code ./postventa up} runs it: Kafka, PostgreSQL and the mail server,
 * the SMS/WhatsApp/push stand-in, the five services from their packaged jars, the seeded staff, the console and the
 * portal.
 * It owns no command line: the CLI ({@code platform/cli}) decides when to start and stop it and what to print.
 */
public final class LocalPlatform implements AutoCloseable {
    private final Path root;
    private final StackSettings settings;
    private final Map<String, Map<String, String>> serviceProperties;
    private final Infrastructure infra;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<EdgeAppProcess> edges = new ArrayList<>();
    private ProviderStub providers;
    private StackState state;
    private Supervisor supervisor;

    /**
     * @param serviceProperties extra settings per service name ({@code *} for all, see {@link ServiceProperties});
     *                          they win over everything the launcher sets
     */
    public LocalPlatform(Path root, Map<String, Map<String, String>> serviceProperties) {
        this.root = root;
        this.settings = StackSettings.local(root);
        this.serviceProperties = serviceProperties;
        this.infra = new Infrastructure(settings);
    }

    public StackSettings settings() {
        return settings;
    }

    public Path stateFile() {
        return settings.dir().resolve("stack.properties");
    }

    public Path logs() {
        return settings.dir().resolve("logs");
    }

    /** Kafka, PostgreSQL and the mail server; refuses when a stack already runs on this data directory. */
    public StackState startInfrastructure() {
        StackState.read(stateFile()).filter(StackState::alive).ifPresent(s -> {
            throw new StackException("a stack is already running (pid " + s.pid() + "); stop it with ./postventa down");
        });
        providers = ProviderStub.builder().journal(settings.dir().resolve("messages")).start();
        state = infra.start();
        return state;
    }

    /**
     * The services (all started, then awaited together), the seeded staff of {@code dev-users.json} in
     * ticket-service, then the console; the stack's state file is written once all of them are ready.
     *
     * @return what the seed created, for the caller to report
     */
    public String startApplications(Duration startTimeout) {
        for (PlatformService service : PlatformService.all()) {
            ServiceProcess process = new ServiceProcess(service, root, logs());
            services.add(process);
            Map<String, String> extra = new HashMap<>();
            if (service == PlatformService.NOTIFICATION) {
                extra.putAll(providers.notificationSettings());
            }
            extra.putAll(serviceProperties.getOrDefault("*", Map.of()));
            extra.putAll(serviceProperties.getOrDefault(service.serviceName(), Map.of()));
            process.start(state, extra);
        }
        CompletableFuture.allOf(services.stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(startTimeout)))
                .toArray(CompletableFuture[]::new))
                .exceptionally(t -> {
                    Throwable cause = t.getCause() == null ? t : t.getCause();
                    throw cause instanceof StackException se ? se : new StackException(cause.toString(), cause);
                }).join();
        String seeded = DevSeed.seed(PlatformService.TICKET.url());
        ConsoleProcess console = new ConsoleProcess(root, logs());
        edges.add(console);
        console.start(settings.dir().resolve("dev-keys"), serviceProperties.getOrDefault(ConsoleProcess.MODULE, Map.of()));
        // the customer portal, which every message links to
        PortalProcess portal = new PortalProcess(root, logs());
        edges.add(portal);
        portal.start(settings.dir().resolve("dev-keys"), serviceProperties.getOrDefault(PortalProcess.MODULE, Map.of()));
        console.awaitReady(startTimeout);
        portal.awaitReady(startTimeout);
        state.write(stateFile());
        // From now on a service that dies is started again with back-off, as Kubernetes restarts a pod's container.
        supervisor = new Supervisor(Supervisor.Backoff.LOCAL, startTimeout, System.out::println);
        services.forEach(supervisor::watch);
        return seeded;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Stops the console, the services (in parallel), the stand-in and the infrastructure, and forgets the state. */
    @Override
    public void close() {
        if (supervisor != null) {
            supervisor.close();
        }
        edges.forEach(EdgeAppProcess::close);
        services.parallelStream().forEach(ServiceProcess::close);
        if (providers != null) {
            providers.close();
        }
        infra.close();
        try {
            Files.deleteIfExists(stateFile());
        } catch (Exception ignored) {
            // a stale state file names a dead pid and is ignored by the next start
        }
    }
}
