package io.postventa.feedback.service;

import java.time.Clock;

import org.jboss.logging.Logger;

import io.postventa.feedback.domain.SurveyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The right to erasure on feedback-service's side: comments, surveys to come and open links go; counts stay. */
@ApplicationScoped
public class FeedbackErasure {
    private static final Logger LOG = Logger.getLogger(FeedbackErasure.class);

    private final Sql sql;
    private final Clock clock;

    public FeedbackErasure(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** An erased customer: comments gone, no more surveys, open links withdrawn; the anonymous counts stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String customerId) {
        int comments = sql.update("update answer set comment = null where customer_id = ? and comment is not null", customerId);
        // withdrawn: every outstanding survey may move to DROPPED (SurveyStatus)
        sql.update("update survey set status = ?, status_reason = 'CUSTOMER_ERASED' where customer_id = ? and status in "
                + Sql.literals(SurveyStatus.OUTSTANDING), SurveyStatus.DROPPED, customerId);
        sql.update("insert into customer_profile (customer_id, locale, erased_at) values (?, null, ?) on conflict (customer_id) "
                + "do update set locale = null, erased_at = excluded.erased_at", customerId, clock.instant());
        LOG.infof("erased customer %s: %d comments removed", customerId, comments);
    }
}
