package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhonesTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "600 12 34 56 | ES | +34600123456",
            "600-12-34-56 | ES | +34600123456",
            "(+34) 600 123 456 | ES | +34600123456",
            "0034 600 123 456 | ES | +34600123456",
            "+34600123456 | PT | +34600123456",
            "912 345 678 | PT | +351912345678",
            "07700 900123 | GB | +447700900123",
    })
    void numbersAsPeopleTypeThemBecomeE164(String typed, String region, String e164) {
        assertEquals(e164, Phones.e164(typed, region));
    }

    @Test
    void whatCannotBeANumberIsKeptAsTyped() {
        assertNull(Phones.e164("call me", "ES"));
        assertEquals("ext. 12", Phones.normalize(" ext. 12 ", "ES"));
    }
}
