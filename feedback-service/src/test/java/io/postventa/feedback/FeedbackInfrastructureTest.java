package io.postventa.feedback;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ServiceInfrastructureContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "feedback"))
class FeedbackInfrastructureTest extends ServiceInfrastructureContract {
}
