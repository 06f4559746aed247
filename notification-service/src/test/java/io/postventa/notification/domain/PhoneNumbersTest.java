package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    private final PhoneNumbers phones = new PhoneNumbers("ES", Map.of("es", "ES", "pt", "PT"));

    @Test
    void aNumberTypedWithSpacesDashesOrAPrefixBecomesE164() {
        assertEquals(Optional.of("+34600123456"), phones.toE164("600 12 34 56", "es"));
        assertEquals(Optional.of("+34600123456"), phones.toE164("+34 600-12-34-56", "en"));
        assertEquals(Optional.of("+34600123456"), phones.toE164("0034 (600) 12.34.56", null));
        assertEquals(Optional.of("+34600123456"), phones.toE164("+34600123456", "pt"), "E.164 stays as it is");
    }

    @Test
    void aNumberWithoutCountryCodeIsReadInTheCustomersRegion() {
        assertEquals(Optional.of("+351912345678"), phones.toE164("912 345 678", "pt"), "a Portuguese mobile");
        assertEquals(Optional.of("+34912345678"), phones.toE164("912 345 678", "es"), "a Madrid landline");
        assertEquals(Optional.of("+5511987654321"), phones.toE164("(11) 98765-4321", "pt-BR"), "the tag's region wins");
        assertEquals(Optional.of("+34600123456"), phones.toE164("600123456", "fr"), "unknown: the default region");
    }

    @Test
    void somethingThatIsNotAValidNumberIsNotRewritten() {
        assertEquals(Optional.empty(), phones.toE164("12", "es"));
        assertEquals(Optional.empty(), phones.toE164("call me", "es"));
        assertEquals(Optional.empty(), phones.toE164("", "es"));
    }
}
