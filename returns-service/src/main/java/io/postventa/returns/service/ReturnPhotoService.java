package io.postventa.returns.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.postventa.returns.config.PhotoConfig;

import io.postventa.returns.domain.ReturnRequest;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Photos of a damaged or faulty item that the customer sends with their return: JPEG or PNG (known by their first
 * bytes, whatever the declared type says), at most {@code returns.photos.max-size} each and
 * {@code returns.photos.per-return} per return. Kept in this service's database only while the return's personal data
 * is not erased; the erasure of the customer deletes them ({@link CustomerDataErasure}).
 */
@ApplicationScoped
public class ReturnPhotoService {
    /** The types accepted, by their first bytes. */
    private static final Map<String, byte[]> TYPES = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final EntityManager em;
    private final ReturnRequestService returns;
    private final Clock clock;
    private final long maxSize;
    private final int perReturn;

    public ReturnPhotoService(EntityManager em, ReturnRequestService returns, Clock clock, PhotoConfig config) {
        this.em = em;
        this.returns = returns;
        this.clock = clock;
        this.maxSize = config.maxSize();
        this.perReturn = config.perReturn();
    }

    /** A stored photo as its owner and agents see it. */
    public record PhotoView(String photoId, String returnId, String contentType, int size, Instant createdAt) {
    }

    /** A photo's bytes. */
    public record PhotoFile(String contentType, byte[] data) {
    }

    @Transactional
    public PhotoView add(String returnId, String customerId, String declaredType, byte[] data) {
        ReturnRequest r = returns.owned(returnId, customerId);
        if (data == null || data.length == 0) {
            throw ProblemException.badField("photo", "is empty");
        }
        if (data.length > maxSize) {
            throw new ProblemException(413, "Photo too large", "a photo may have at most " + maxSize + " bytes",
                    List.of(new Problem.FieldError("photo", "is " + data.length + " bytes; the limit is " + maxSize)));
        }
        String type = TYPES.entrySet().stream().filter(t -> startsWith(data, t.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        // the first bytes decide; a declared image type must agree with them (application/octet-stream says nothing)
        if (type == null || (declaredType != null && declaredType.startsWith("image/") && !declaredType.startsWith(type))) {
            throw new ProblemException(415, "Not a JPEG or PNG photo", "a photo must be a JPEG or PNG image",
                    List.of(new Problem.FieldError("photo", "must be a JPEG or PNG image")));
        }
        if (r.personalDataErasedAt != null) {
            throw ProblemException.conflict("the personal data of return " + returnId + " was erased: it keeps no photos");
        }
        long stored = ((Number) em.createNativeQuery("select count(*) from return_photo where return_id = ?1")
                .setParameter(1, returnId).getSingleResult()).longValue();
        if (stored >= perReturn) {
            throw ProblemException.conflict("return " + returnId + " has its " + perReturn + " photos already");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery("insert into return_photo (photo_id, return_id, customer_id, content_type, size_bytes, data,"
                + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, id).setParameter(2, returnId)
                .setParameter(3, r.customerId).setParameter(4, type).setParameter(5, data.length).setParameter(6, data)
                .setParameter(7, java.sql.Timestamp.from(now)).executeUpdate();
        return new PhotoView(id.toString(), returnId, type, data.length, now);
    }

    @Transactional
    public List<PhotoView> list(String returnId, String customerIdOrNull) {
        returns.owned(returnId, customerIdOrNull);
        List<?> rows = em.createNativeQuery("select cast(photo_id as text), content_type, size_bytes, created_at"
                + " from return_photo where return_id = ?1 order by created_at").setParameter(1, returnId).getResultList();
        return rows.stream().map(o -> (Object[]) o).map(row -> new PhotoView((String) row[0], returnId, (String) row[1],
                ((Number) row[2]).intValue(), instant(row[3]))).toList();
    }

    @Transactional
    public PhotoFile get(String returnId, String photoId, String customerIdOrNull) {
        returns.owned(returnId, customerIdOrNull);
        UUID id;
        try {
            id = UUID.fromString(photoId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("photo", photoId);
        }
        List<?> rows = em.createNativeQuery("select content_type, data from return_photo where photo_id = ?1 and return_id = ?2")
                .setParameter(1, id).setParameter(2, returnId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("photo", photoId);
        }
        Object[] row = (Object[]) rows.get(0);
        return new PhotoFile((String) row[0], (byte[]) row[1]);
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
