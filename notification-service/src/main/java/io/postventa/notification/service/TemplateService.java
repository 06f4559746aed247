package io.postventa.notification.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.events.EventJson;
import io.postventa.events.common.NotificationChannel;
import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.MessageTemplate;
import io.postventa.notification.domain.PurchaseTier;
import io.postventa.notification.domain.TemplateVariant;
import io.postventa.notification.domain.Trigger;
import io.postventa.web.Problem.FieldError;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Stores, validates and renders the Qute templates; seeds the shipped templates (every supported language). */
@ApplicationScoped
public class TemplateService {
    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final TypeReference<List<TemplateVariant>> VARIANTS = new TypeReference<>() {
    };

    private final Engine engine;
    private final EntityManager em;
    private final Clock clock;
    /** Parsed Qute templates per template version and variant part, with the source they were parsed from. */
    private final ConcurrentMap<String, Parsed<Template>> parsed = new ConcurrentHashMap<>();
    /** Read variants per template id, with the JSON they were read from. */
    private final ConcurrentMap<String, Parsed<List<TemplateVariant>>> variants = new ConcurrentHashMap<>();
    /** The sample event of seed/sample.json, read once. */
    private volatile JsonNode sample;

    /**
     * A cached result and its source. The source is compared on every use, so an edit (a new version, or a
     * rolled-back one whose version number is used again) is never answered from the cache.
     */
    private record Parsed<T>(String source, T value) {
    }

    public TemplateService(Engine engine, EntityManager em, Clock clock) {
        this.engine = engine;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Inserts the shipped templates that are missing, and brings those nobody has edited since they were seeded
     * ({@code updated_by = 'seed'}) up to the shipped text, so improved wording reaches existing installations
     * while an admin's edit is never overwritten. One statement for all of them (their columns as arrays): the
     * 285 statements it used to take, one per template, held every start of the service before it was ready
     * (docs/performance/2026-12-07-start-small-3.md).
     */
    @Transactional
    void seed(@Observes StartupEvent start) {
        List<String> ids = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> locales = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/seed/templates.json")) {
            JsonNode seed = JSON.readTree(in);
            for (JsonNode entry : seed) {
                Trigger trigger = Trigger.fromKey(entry.get("trigger").asText()).orElseThrow();
                String locale = entry.get("locale").asText();
                String variants = JSON.writeValueAsString(entry.get("variants"));
                for (JsonNode channel : entry.get("channels")) {
                    NotificationChannel c = NotificationChannel.valueOf(channel.asText());
                    ids.add(MessageTemplate.idOf(trigger, c, locale));
                    triggers.add(trigger.key());
                    channels.add(c.name());
                    locales.add(locale);
                    texts.add(variants);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped templates", e);
        }
        em.createNativeQuery(SEED).setParameter(1, ids.toArray(String[]::new))
                .setParameter(2, triggers.toArray(String[]::new)).setParameter(3, channels.toArray(String[]::new))
                .setParameter(4, locales.toArray(String[]::new)).setParameter(5, texts.toArray(String[]::new))
                .setParameter(6, clock.instant()).executeUpdate();
    }

    /** The shipped templates' upsert: ?1-?5 the columns as arrays (one element per template), ?6 the time. */
    static final String SEED = "insert into message_template (id, trigger, channel, locale, variants, version,"
            + " updated_at, updated_by) select s.id, s.trigger, s.channel, s.locale, s.variants, 1, ?6, 'seed'"
            + " from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),"
            + " cast(?5 as text[])) as s(id, trigger, channel, locale, variants)"
            + " on conflict (id) do update set variants = excluded.variants, version = message_template.version + 1,"
            + " updated_at = excluded.updated_at"
            + " where message_template.updated_by = 'seed' and message_template.variants <> excluded.variants";

    /** The template's variants (unmodifiable), read once per stored JSON rather than for every message. */
    public List<TemplateVariant> variants(MessageTemplate template) {
        Parsed<List<TemplateVariant>> cached = variants.get(template.id);
        if (cached != null && cached.source().equals(template.variants)) {
            return cached.value();
        }
        try {
            List<TemplateVariant> read = List.copyOf(JSON.readValue(template.variants, VARIANTS));
            variants.put(template.id, new Parsed<>(template.variants, read));
            return read;
        } catch (IOException e) {
            throw new IllegalStateException("template " + template.id + " has unreadable variants", e);
        }
    }

    public String toJson(List<TemplateVariant> variants) {
        try {
            return JSON.writeValueAsString(variants);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renders one variant of a stored template (parsed once per variant text). */
    public Rendered render(MessageTemplate template, TemplateVariant variant, Map<String, Object> data) {
        String key = template.id + "#" + variant.name();
        Template subject = parse(key + "/subject", variant.subject());
        Template body = parse(key + "/body", variant.body());
        return new Rendered(subject.data(data).render().strip(), body.data(data).render().strip());
    }

    private Template parse(String key, String source) {
        Parsed<Template> cached = parsed.get(key);
        if (cached != null && cached.source().equals(source)) {
            return cached.value();
        }
        Template template = engine.parse(source);
        parsed.put(key, new Parsed<>(source, template));
        return template;
    }

    /** Renders a draft variant without caching it (preview, validation). */
    public Rendered renderDraft(TemplateVariant variant, Map<String, Object> data) {
        return new Rendered(engine.parse(variant.subject()).data(data).render().strip(),
                engine.parse(variant.body()).data(data).render().strip());
    }

    /**
     * Checks variants: names unique and present, weights positive, and each renders against the sample of its
     * trigger for a first, second and repeat purchase. Returns the errors per field; empty when valid.
     */
    public List<FieldError> validate(Trigger trigger, List<TemplateVariant> variants) {
        List<FieldError> errors = new ArrayList<>();
        if (variants == null || variants.isEmpty()) {
            errors.add(new FieldError("variants", "at least one variant is required"));
            return errors;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            TemplateVariant v = variants.get(i);
            String at = "variants[" + i + "]";
            if (v == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (v.name() == null || !v.name().matches("[A-Za-z0-9_-]{1,50}")) {
                errors.add(new FieldError(at + ".name", "must be 1 to 50 letters, digits, '-' or '_'"));
            } else if (!names.add(v.name())) {
                errors.add(new FieldError(at + ".name", "is used by another variant"));
            }
            if (v.weight() < 1 || v.weight() > 1000) {
                errors.add(new FieldError(at + ".weight", "must be between 1 and 1000"));
            }
            checkRenders(trigger, v.subject(), at + ".subject", errors);
            checkRenders(trigger, v.body(), at + ".body", errors);
        }
        return errors;
    }

    private void checkRenders(Trigger trigger, String source, String field, List<FieldError> errors) {
        if (source == null || source.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return;
        }
        try {
            Template template = engine.parse(source);
            for (PurchaseTier tier : PurchaseTier.values()) {
                template.data(sampleData(trigger, tier, null)).render();
            }
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "does not render against a sample " + trigger.key() + " event: "
                    + e.getMessage()));
        }
    }

    /**
     * The data a template of this trigger sees, for the sample customer and event of {@code seed/sample.json}, its
     * free texts in {@code language} when the sample has them.
     */
    public Map<String, Object> sampleData(Trigger trigger, PurchaseTier tier, String language) {
        JsonNode sample = sample();
        CustomerContact contact = new CustomerContact();
        contact.customerId = sample.get("customerId").asText();
        contact.firstName = sample.get("firstName").asText();
        contact.lastName = sample.get("lastName").asText();
        Map<String, String> facts = new LinkedHashMap<>();
        sample.get("facts").fields().forEachRemaining(f -> facts.put(f.getKey(), f.getValue().asText()));
        List<String> earlier = new ArrayList<>();
        sample.get("earlierUpdates").forEach(u -> earlier.add(u.asText()));
        JsonNode own = language == null ? null : sample.path("byLanguage").get(language);
        if (own != null) {
            own.fields().forEachRemaining(f -> {
                if (f.getKey().equals("earlierUpdates")) {
                    earlier.set(0, f.getValue().asText());
                } else {
                    facts.put(f.getKey(), f.getValue().asText());
                }
            });
        }
        TriggerEvent event = new TriggerEvent("sample", "sample", trigger, contact.customerId, Instant.EPOCH, language,
                tier.sampleNumber(), sample.get("orderId").asText(), sample.get("returnId").asText(),
                sample.get("ticketId").asText(), sample.get("surveyId").asText(), facts);
        return MessageData.of(event, contact, new MessageData.Links(sample.get("unsubscribeUrl").asText(),
                sample.get("preferencesUrl").asText(), sample.path("portalUrl").asText(null)), earlier, language, ZoneOffset.UTC);
    }

    private JsonNode sample() {
        JsonNode s = sample;
        if (s == null) {
            try (InputStream in = getClass().getResourceAsStream("/seed/sample.json")) {
                s = JSON.readTree(in);
                sample = s;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the sample event", e);
            }
        }
        return s;
    }
}
