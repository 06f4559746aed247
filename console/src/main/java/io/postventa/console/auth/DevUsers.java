package io.postventa.console.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.console.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The seeded users the development sign-in offers, read from the users file (data, not code). */
@ApplicationScoped
public class DevUsers {

    /** One seeded person: the token's subject, display name, role and (agents) team. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @io.quarkus.qute.TemplateData
    public record DevUser(String id, String name, String role, String team) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsersFile(List<DevUser> users) {
    }

    private final List<DevUser> users;

    public DevUsers(ConsoleConfig config, ObjectMapper json) {
        if (!config.devSignIn().enabled()) {
            users = List.of();
            return;
        }
        String file = config.devSignIn().usersFile().orElseThrow(() -> new IllegalStateException(
                "console.dev-sign-in.users-file is required when the development sign-in is on"));
        try {
            users = List.copyOf(json.readValue(Files.readString(Path.of(file)), UsersFile.class).users());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the development users " + file + ": " + e.getMessage(), e);
        }
    }

    public List<DevUser> all() {
        return users;
    }

    public Optional<DevUser> find(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }
}
