package io.postventa.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Picks a template variant by weight, always the same one for the same customer and template: a bucket in
 * [0, total weight) from a hash of the customer id and the template id, so experiments are independent.
 */
public final class VariantPicker {
    private VariantPicker() {
    }

    public static TemplateVariant pick(List<TemplateVariant> variants, String customerId, String templateId) {
        int total = variants.stream().mapToInt(TemplateVariant::weight).sum();
        if (variants.isEmpty() || total <= 0) {
            throw new IllegalArgumentException("a template needs at least one variant with a positive weight");
        }
        long bucket = Math.floorMod(hash(customerId + "|" + templateId), (long) total);
        long upTo = 0;
        for (TemplateVariant v : variants) {
            upTo += v.weight();
            if (bucket < upTo) {
                return v;
            }
        }
        return variants.get(variants.size() - 1);
    }

    private static long hash(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
