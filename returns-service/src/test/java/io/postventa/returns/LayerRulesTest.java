package io.postventa.returns;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.postventa.testing.architecture.LayerRules;

/** The layers of this service keep the rules every service keeps (CONTRIBUTING.md, "Layers inside a service"). */
class LayerRulesTest {

    @TestFactory
    Stream<DynamicTest> layersKeepTheirRules() {
        return LayerRules.of("io.postventa.returns").tests();
    }
}
