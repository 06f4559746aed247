package io.postventa.returns.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.postventa.returns.config.ReturnsConfig;

class PdfLabelProviderTest {

    private static ReturnsConfig config(String address) {
        return new ReturnsConfig() {
            @Override
            public String publicBaseUrl() {
                return "http://localhost";
            }

            @Override
            public Label label() {
                return new Label() {
                    @Override
                    public Duration validity() {
                        return Duration.ofDays(28);
                    }

                    @Override
                    public String carrier() {
                        return "CORREOS";
                    }

                    @Override
                    public String returnAddress() {
                        return address;
                    }

                    @Override
                    public String language() {
                        return "es";
                    }
                };
            }

            @Override
            public String expiryEvery() {
                return "1h";
            }
        };
    }

    @Test
    void theLabelIsAPdfWithTheRmaInTextAndQrCodeEvenForAnAddressTheFontCannotWrite() throws Exception {
        Instant now = Instant.parse("2026-03-08T10:12:00Z");
        PdfLabelProvider provider = new PdfLabelProvider(config("Magazyn Łódź, ul. Piotrkowska 1"), new ReturnTexts());
        LabelProvider.LabelRequest request = new LabelProvider.LabelRequest("RET-1", "ORD-1", "RMA-7Q4K-2M9P", now,
                now.plus(Duration.ofDays(28)));
        LabelProvider.IssuedLabel label = provider.issue(request);
        assertEquals("CORREOS", label.carrier());
        assertEquals("RTRMA7Q4K2M9P", label.trackingNumber());
        assertNull(label.pdf(), "the built-in label is drawn on download, not in the decision's transaction");
        try (PDDocument doc = Loader.loadPDF(provider.render(request, null))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("RMA-7Q4K-2M9P"), text);
            assertTrue(text.contains("Etiqueta de devolución"), text);
            assertTrue(text.contains("Valid until: 2026-04-05"), text);
            assertTrue(text.contains("?ód?"), "unencodable letters become '?': " + text);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
            assertEquals("RMA-7Q4K-2M9P", qr);
        }
    }

    @Test
    void theSameLabelIsDrawnAsTheSameFileEveryTime() {
        Instant now = Instant.parse("2026-03-08T10:12:00Z");
        PdfLabelProvider provider = new PdfLabelProvider(config("Postventa Returns, Calle Ejemplo 1, 28001 Madrid, ES"), new ReturnTexts());
        LabelProvider.LabelRequest request = new LabelProvider.LabelRequest("RET-1", "ORD-1", "RMA-7Q4K-2M9P", now,
                now.plus(Duration.ofDays(28)));
        byte[] first = provider.render(request, null);
        assertArrayEquals(first, provider.render(request, null), "a label downloaded twice must be the same file");
        assertFalse(Arrays.equals(first, provider.render(new LabelProvider.LabelRequest("RET-2", "ORD-2",
                "RMA-AAAA-BBBB", now, now.plus(Duration.ofDays(28))), null)), "another return's label must differ");
    }

    @Test
    void aPortugueseCustomersLabelSpeaksTheLabelLanguageThenPortuguese() throws Exception {
        Instant now = Instant.parse("2026-03-08T10:12:00Z");
        PdfLabelProvider provider = new PdfLabelProvider(config("Postventa Returns, 28001 Madrid"), new ReturnTexts());
        LabelProvider.LabelRequest request = new LabelProvider.LabelRequest("RET-1", "ORD-1", "RMA-7Q4K-2M9P", now,
                now.plus(Duration.ofDays(28)));
        try (PDDocument doc = Loader.loadPDF(provider.render(request, "pt"))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Etiqueta de devolución / Etiqueta de devolução"), text);
            assertTrue(text.contains("Válida hasta / Válida até: 2026-04-05"), text);
            assertTrue(text.contains("Cole esta etiqueta na embalagem"), text);
            assertFalse(text.contains("Valid until"), "no English on a Portuguese customer's label: " + text);
        }
        try (PDDocument doc = Loader.loadPDF(provider.render(request, "es"))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Válida hasta: 2026-04-05"), "a Spanish customer's label says it once: " + text);
        }
    }
}
