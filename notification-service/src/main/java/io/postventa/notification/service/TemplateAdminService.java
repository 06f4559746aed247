package io.postventa.notification.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.postventa.notification.domain.MessageTemplate;
import io.postventa.notification.domain.PurchaseTier;
import io.postventa.notification.domain.TemplateVariant;
import io.postventa.notification.domain.Trigger;
import io.postventa.web.Page;
import io.postventa.web.Problem.FieldError;
import io.postventa.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The admin side of templates: versioned edits that must render, and previews against a sample event. */
@ApplicationScoped
public class TemplateAdminService {
    private final TemplateService templates;
    private final EntityManager em;
    private final Clock clock;

    public TemplateAdminService(TemplateService templates, EntityManager em, Clock clock) {
        this.templates = templates;
        this.em = em;
        this.clock = clock;
    }

    public record TemplateView(String id, String trigger, String kind, String channel, String locale,
            List<TemplateVariant> variants, int version, java.time.Instant updatedAt, String updatedBy) {
    }

    public record Preview(String variant, int weight, String subject, String body) {
    }

    @Transactional
    public Page<TemplateView> list(String trigger, String channel, String locale, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (trigger != null) {
            where.append(" and trigger = :trigger");
            params.and("trigger", trigger);
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            params.and("channel", channel.toUpperCase());
        }
        if (locale != null) {
            where.append(" and locale = :locale");
            params.and("locale", locale);
        }
        PanacheQuery<MessageTemplate> query = MessageTemplate.find(where + " order by id", params);
        List<TemplateView> items = query.page(page, size).list().stream().map(this::view).toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional
    public TemplateView get(String id) {
        return view(find(id));
    }

    @Transactional
    public TemplateView update(String id, List<TemplateVariant> variants, Integer expectedVersion, String by) {
        MessageTemplate template = find(id);
        Trigger trigger = Trigger.fromKey(template.trigger).orElseThrow();
        List<FieldError> errors = templates.validate(trigger, variants);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (expectedVersion != null && expectedVersion != template.version) {
            throw ProblemException.conflict("template " + id + " is at version " + template.version
                    + ", not " + expectedVersion + "; read it again and re-apply the change");
        }
        em.createNativeQuery("insert into message_template_history (template_id, version, variants, updated_at, updated_by)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, template.id).setParameter(2, template.version).setParameter(3, template.variants)
                .setParameter(4, template.updatedAt).setParameter(5, template.updatedBy).executeUpdate();
        template.variants = templates.toJson(variants);
        template.version++;
        template.updatedAt = clock.instant();
        template.updatedBy = by;
        return view(template);
    }

    @Transactional
    public List<Preview> preview(String id, List<TemplateVariant> draft, Integer purchaseNumber) {
        MessageTemplate template = find(id);
        Trigger trigger = Trigger.fromKey(template.trigger).orElseThrow();
        List<TemplateVariant> variants = draft != null ? draft : templates.variants(template);
        if (draft != null) {
            List<FieldError> errors = templates.validate(trigger, draft);
            if (!errors.isEmpty()) {
                throw ProblemException.badFields(errors);
            }
        }
        if (purchaseNumber != null && purchaseNumber < 1) {
            throw ProblemException.badField("purchaseNumber", "must be 1 or more");
        }
        PurchaseTier tier = PurchaseTier.of(purchaseNumber == null ? 1 : purchaseNumber);
        List<Preview> previews = new ArrayList<>();
        for (TemplateVariant v : variants) {
            java.util.Map<String, Object> data = templates.sampleData(trigger, tier, template.locale);
            if (purchaseNumber != null) {
                data.put("purchaseNumber", purchaseNumber);
            }
            Rendered r = templates.renderDraft(v, data);
            previews.add(new Preview(v.name(), v.weight(), r.subject(), r.body()));
        }
        return previews;
    }

    private MessageTemplate find(String id) {
        MessageTemplate template = MessageTemplate.findById(id);
        if (template == null) {
            throw ProblemException.notFound("template", id);
        }
        return template;
    }

    private TemplateView view(MessageTemplate t) {
        String kind = Trigger.fromKey(t.trigger).map(tr -> tr.kind().name()).orElse(null);
        return new TemplateView(t.id, t.trigger, kind, t.channel, t.locale, templates.variants(t), t.version, t.updatedAt,
                t.updatedBy);
    }
}
