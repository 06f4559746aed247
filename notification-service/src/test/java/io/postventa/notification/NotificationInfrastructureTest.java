package io.postventa.notification;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ServiceInfrastructureContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class NotificationInfrastructureTest extends ServiceInfrastructureContract {
}
