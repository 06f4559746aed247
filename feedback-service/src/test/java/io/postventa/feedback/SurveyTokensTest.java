package io.postventa.feedback;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.SurveyToken;
import io.postventa.feedback.service.Sql;
import io.postventa.feedback.service.SurveyTokens;
import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Without a configured secret (a production install that did not set one) the link key is random and shared. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class SurveyTokensTest {
    @Inject
    Sql sql;

    @Test
    void withoutAConfiguredSecretEveryReplicaSignsWithTheSameGeneratedKeyNotTheDevelopmentOne() {
        FeedbackConfig.Surveys surveys = (FeedbackConfig.Surveys) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { FeedbackConfig.Surveys.class },
                (p, m, a) -> m.getName().equals("tokenSecret") ? Optional.empty() : null);
        FeedbackConfig config = (FeedbackConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { FeedbackConfig.class }, (p, m, a) -> m.getName().equals("surveys") ? surveys : null);

        String token = new SurveyTokens(config, sql).token().issue("SRV-1", Instant.now().plusSeconds(60));

        assertTrue(new SurveyTokens(config, sql).token().verify(token).isPresent(),
                "a second replica (or a restart) verifies links signed by the first");
        assertTrue(new SurveyToken("dev-only-survey-token-secret-change-me-0123456789").verify(token).isEmpty(),
                "the generated key is not the development default");
    }
}
