package io.postventa.returns.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.jboss.logging.Logger;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.postventa.returns.config.ReturnsConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The built-in label provider: an A6 PDF with the RMA code in large type and as a QR code (drawn as
 * vector squares, so it scans at any zoom), the return address and the instructions. Its words come from the
 * service's texts: each line in the label language ({@code returns.label.language}, for the carrier and the
 * warehouse) and then in the customer's, when that is another.
 */
@ApplicationScoped
@DefaultBean
public class PdfLabelProvider implements LabelProvider {
    private static final Logger LOG = Logger.getLogger(PdfLabelProvider.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private final ReturnsConfig config;
    private final ReturnTexts texts;

    public PdfLabelProvider(ReturnsConfig config, ReturnTexts texts) {
        this.config = config;
        this.texts = texts;
    }

    /**
     * Draws one throw-away label in the background at start-up. PDFBox builds its font cache on the
     * first label, which on a busy host took tens of seconds (when labels were drawn at issue it once
     * exceeded the risk consumer's 60 s poll limit); paid here, it costs no download anything.
     */
    void warmUp(@Observes StartupEvent started) {
        Thread warm = new Thread(() -> {
            try {
                Instant now = Instant.now();
                pdf(new LabelRequest("warm-up", "warm-up", "RMA-WARMUP", now, now), "RTWARMUP", null);
            } catch (RuntimeException e) {
                LOG.warnf("warming the label fonts failed (the first label will pay for it): %s", e.getMessage());
            }
        }, "label-font-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** The carrier and parcel reference only: the PDF is drawn on download ({@link #render}), off the decision path. */
    @Override
    public IssuedLabel issue(LabelRequest request) {
        return new IssuedLabel(config.label().carrier(), tracking(request), null);
    }

    @Override
    public byte[] render(LabelRequest request, String language) {
        return pdf(request, tracking(request), language);
    }

    private static String tracking(LabelRequest request) {
        return "RT" + request.rmaCode().replaceAll("[^A-Z0-9]", "");
    }

    byte[] pdf(LabelRequest request, String tracking, String customerLanguage) {
        String first = texts.language(config.label().language());
        String second = texts.language(customerLanguage);
        UnaryOperator<String> words = key -> second.equals(first) ? texts.text(first, key)
                : texts.text(first, key) + " / " + texts.text(second, key);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // The file id is otherwise derived from the clock; from the return, a label downloaded twice is the same file.
            doc.setDocumentId((long) (request.returnId() + "\n" + request.rmaCode()).hashCode());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(texts.text(second, "label.title") + " " + request.rmaCode());
            info.setSubject(request.rmaCode());
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, bold, 12, 20, height - 30, words.apply("label.title"));
                text(cs, bold, 18, 20, height - 55, request.rmaCode());
                text(cs, regular, 8, 20, height - 70, words.apply("label.order") + ": " + request.orderId());
                text(cs, regular, 8, 20, height - 82, words.apply("label.carrier") + ": " + config.label().carrier()
                        + "  " + tracking);
                text(cs, regular, 8, 20, height - 94, words.apply("label.sendTo") + ": " + config.label().returnAddress());
                text(cs, regular, 8, 20, height - 106, words.apply("label.validUntil") + ": " + DAY.format(request.expiresAt()));
                float size = 150;
                qr(cs, request.rmaCode(), (width - size) / 2, 60, size);
                text(cs, regular, 7, 20, 40, texts.text(first, "label.howTo"));
                if (!second.equals(first)) {
                    text(cs, regular, 7, 20, 30, texts.text(second, "label.howTo"));
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the return label", e);
        }
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(printable(font, text));
        cs.endText();
    }

    /** The text with every character the standard font cannot encode replaced by '?', so no address breaks a label. */
    static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static void qr(PDPageContentStream cs, String content, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + content + " as a QR code", e);
        }
        float module = size / matrix.getWidth();
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }
}
