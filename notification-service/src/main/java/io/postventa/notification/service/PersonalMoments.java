package io.postventa.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.postventa.notification.domain.Anniversaries;
import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.Delivery;
import io.postventa.notification.domain.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Birthdays and first-purchase anniversaries, on the customer's own calendar day (their time zone). Each is
 * a trigger event with a stable id ({@code birthday:<customer>:<year>}), so it is planned once a year however
 * often the check runs. A 29 February date is celebrated on 28 February in other years. One replica plans at a
 * time (a PostgreSQL advisory lock for the check's transaction): two at once would both find a moment unplanned, and
 * the second's insert would fail on the delivery's unique key and roll its whole check back.
 */
@ApplicationScoped
public class PersonalMoments {
    public static final String BIRTHDAY_TYPE = "postventa.notification.birthday";
    public static final String ANNIVERSARY_TYPE = "postventa.notification.purchase-anniversary";

    /** The advisory lock of the check, held by the replica running it until its transaction ends. */
    public static final String LOCK = "hashtext('notification-service:personal-moments')";

    private final NotificationPlanner planner;
    private final Clock clock;
    private final EntityManager em;

    public PersonalMoments(NotificationPlanner planner, Clock clock, EntityManager em) {
        this.planner = planner;
        this.clock = clock;
        this.em = em;
    }

    /** Plans today's moments; returns how many were planned (none while another replica is planning them). */
    @Transactional
    public int planDue() {
        if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")").getSingleResult())) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate utc = now.atZone(ZoneOffset.UTC).toLocalDate();
        // every time zone is within a day of UTC: narrow in SQL, decide exactly per customer below
        List<MonthDay> days = List.of(MonthDay.from(utc.minusDays(1)), MonthDay.from(utc), MonthDay.from(utc.plusDays(1)));
        List<CustomerContact> candidates = CustomerContact.list("erased = false and ("
                + "(month(birthday) * 100 + day(birthday)) in ?1 or (month(firstPurchaseDate) * 100 + day(firstPurchaseDate)) in ?1)",
                days.stream().map(d -> d.getMonthValue() * 100 + d.getDayOfMonth()).toList());
        int planned = 0;
        for (CustomerContact c : candidates) {
            LocalDate today = now.atZone(zone(c.timeZone)).toLocalDate();
            if (c.birthday != null && Anniversaries.isAnniversary(c.birthday, today)) {
                planned += plan(c, Trigger.BIRTHDAY, BIRTHDAY_TYPE, "birthday", today, Map.of());
            }
            if (c.firstPurchaseDate != null && c.firstPurchaseDate.getYear() < today.getYear()
                    && Anniversaries.isAnniversary(c.firstPurchaseDate, today)) {
                planned += plan(c, Trigger.PURCHASE_ANNIVERSARY, ANNIVERSARY_TYPE, "anniversary", today,
                        Map.of("years", Integer.toString(today.getYear() - c.firstPurchaseDate.getYear())));
            }
        }
        return planned;
    }

    private int plan(CustomerContact c, Trigger trigger, String type, String prefix, LocalDate today,
            Map<String, String> facts) {
        String id = prefix + ":" + c.customerId + ":" + today.getYear();
        if (Delivery.count("sourceEventId", id) > 0) {
            return 0;
        }
        planner.plan(new TriggerEvent(id, type, trigger, c.customerId, clock.instant(), null, null, null, null, null,
                null, facts));
        return 1;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
