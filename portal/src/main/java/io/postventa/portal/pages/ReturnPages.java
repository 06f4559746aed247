package io.postventa.portal.pages;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import io.postventa.events.common.ReturnReason;
import io.postventa.events.returns.ReturnResolution;
import io.postventa.portal.PortalConfig;
import io.postventa.portal.auth.PortalSession;
import io.postventa.portal.clients.ReturnsClient;
import io.postventa.portal.web.Calls;
import io.postventa.portal.web.Pages;
import io.postventa.portal.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one-button return: the order's lines with what can be returned and, for the others, why not (returns-service's
 * eligibility, shown before sending); quantities, a reason per line, the outcome wanted, a comment and a photo of a
 * damaged item; then the decision on the page (the request waits for it up to {@code portal.returns.decision-wait}):
 * approved with the RMA code, the label PDF and its QR code, in review with when to expect an answer, or rejected
 * with the reason. The return's page keeps showing its state.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReturnPages {
    /** Photo types the form takes: what a phone's camera writes. */
    static final Map<String, byte[]> PHOTO_TYPES = Map.of("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

    private final ReturnsClient returns;
    private final Calls calls;
    private final Pages pages;
    private final PortalSession session;
    private final PortalConfig config;
    private final Template form;
    private final Template status;

    public ReturnPages(@RestClient ReturnsClient returns, Calls calls, Pages pages, PortalSession session,
            PortalConfig config, @Location("return-form.html") Template form, @Location("return.html") Template status) {
        this.returns = returns;
        this.calls = calls;
        this.pages = pages;
        this.session = session;
        this.config = config;
        this.form = form;
        this.status = status;
    }

    @GET
    @Path("/return")
    public Response form() {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        return render(Map.of(), Map.of(), null, 200);
    }

    @POST
    @Path("/return")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response send(@RestForm("requestKey") String requestKey, @RestForm("resolution") String resolution,
            @RestForm("comment") String comment, @RestForm("photo") FileUpload photo,
            @RestForm("sku") List<String> skus, @RestForm("qty") List<String> quantities,
            @RestForm("reason") List<String> reasons) {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        Map<String, String> typed = new HashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Integer> formLine = new ArrayList<>();
        boolean damaged = false;
        int count = skus == null ? 0 : Math.min(skus.size(), 100);
        for (int i = 0; i < count; i++) {
            String sku = skus.get(i);
            String qty = quantities != null && i < quantities.size() ? quantities.get(i) : null;
            String reason = reasons != null && i < reasons.size() ? reasons.get(i) : null;
            typed.put("qty-" + i, qty == null ? "0" : qty);
            typed.put("reason-" + i, reason == null ? "" : reason);
            int quantity;
            try {
                quantity = qty == null || qty.isBlank() ? 0 : Integer.parseInt(qty.trim());
            } catch (NumberFormatException e) {
                errors.put("qty-" + i, pages.texts().get("return_qty_invalid"));
                continue;
            }
            if (quantity <= 0) {
                continue;
            }
            if (reason == null || reason.isBlank()) {
                errors.put("reason-" + i, pages.texts().get("return_reason_required"));
                continue;
            }
            damaged |= reason.equals(ReturnReason.DAMAGED.name()) || reason.equals(ReturnReason.DEFECTIVE.name());
            lines.add(Map.of("sku", sku == null ? "" : sku, "quantity", quantity, "reason", reason));
            formLine.add(i);
        }
        typed.put("resolution", resolution == null ? "" : resolution);
        typed.put("comment", comment == null ? "" : comment);
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.put("lines", pages.texts().get("return_nothing_chosen"));
        }
        if (resolution == null || resolution.isBlank()) {
            errors.put("resolution", pages.texts().get("return_resolution_required"));
        }
        String photoError = photoError(photo, damaged);
        if (photoError != null) {
            errors.put("photo", photoError);
        }
        if (!errors.isEmpty()) {
            return render(typed, errors, null, 400);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("orderId", session.orderId());
        body.put("lines", lines);
        body.put("preferredResolution", resolution);
        body.put("comment", comment == null || comment.isBlank() ? null : comment);
        String key = requestKey == null || requestKey.isBlank() ? UUID.randomUUID().toString() : requestKey;
        Part<Object> created = calls.call("returns-service", () -> returns.create(key, pages.lang(), body));
        if (!created.isOk()) {
            Map<String, String> refused = new LinkedHashMap<>();
            created.fieldErrors().forEach((field, message) -> refused.put(lineField(field, formLine), message));
            return render(typed, refused, created, created.isUnavailable() ? 503 : 422);
        }
        String returnId = String.valueOf(((Map<?, ?>) created.value()).get("returnId"));
        boolean photoKept = keepPhoto(returnId, photo);
        awaitDecision(returnId);
        return Response.seeOther(URI.create("/returns/" + returnId + (photoKept ? "" : "?photo=failed"))).build();
    }

    @GET
    @Path("/returns/{id}")
    public Response show(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("photo") String photo) {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        Part<Object> ret = ownReturn(id);
        return Response.status(ret.isNotFound() ? 404 : 200).entity(pages.page(status, "return").data("ret", ret)
                .data("reviewBy", reviewBy(ret)).data("photoFailed", "failed".equals(photo))).build();
    }

    /** Sends the photo (already checked here) to returns-service, which keeps it; true when there was none. */
    private boolean keepPhoto(String returnId, FileUpload photo) {
        if (photo == null || photo.fileName() == null || photo.fileName().isBlank() || photo.size() == 0) {
            return true;
        }
        try {
            byte[] bytes = Files.readAllBytes(photo.uploadedFile());
            return calls.call("returns-service", () -> returns.photo(returnId, bytes)).isOk();
        } catch (IOException e) {
            return false;
        }
    }

    /** The decision part alone, for the page's htmx refresh while a return waits for it. */
    @GET
    @Path("/returns/{id}/decision")
    public Response decision(@PathParam("id") String id) {
        if (!session.active()) {
            return Response.status(401).build();
        }
        Part<Object> ret = ownReturn(id);
        return Response.ok(status.getFragment("decision").instance().data("ret", ret).data("reviewBy", reviewBy(ret))
                .data("t", pages.texts()).data("lang", pages.lang())).build();
    }

    @GET
    @Path("/returns/{id}/label.pdf")
    @Produces("application/pdf")
    public Response label(@PathParam("id") String id) {
        if (!session.active() || !ownReturn(id).isOk()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("not found").build();
        }
        try (Response pdf = returns.label(id, pages.lang())) {
            if (pdf.getStatus() != 200) {
                return Response.status(pdf.getStatus() >= 500 ? 503 : pdf.getStatus()).type(MediaType.TEXT_PLAIN)
                        .entity(pages.texts().get("return_label_unavailable")).build();
            }
            byte[] bytes = pdf.readEntity(InputStream.class).readAllBytes();
            return Response.ok(bytes, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + id + "-label.pdf\"").build();
        } catch (IOException | RuntimeException e) {
            return Response.status(503).type(MediaType.TEXT_PLAIN).entity(pages.texts().get("return_label_unavailable")).build();
        }
    }

    @GET
    @Path("/returns/{id}/qr.png")
    @Produces("image/png")
    public Response qr(@PathParam("id") String id) {
        Part<Object> ret = session.active() ? ownReturn(id) : Part.failed(Part.State.NOT_FOUND, 404, null, null);
        Object rma = ret.isOk() ? ((Map<?, ?>) ret.value()).get("rmaCode") : null;
        if (rma == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("not found").build();
        }
        try {
            BitMatrix matrix = new QRCodeWriter().encode(rma.toString(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2));
            int scale = 8;
            BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Response.ok(png.toByteArray(), "image/png")
                    .header("Content-Disposition", "attachment; filename=\"" + id + "-qr.png\"").build();
        } catch (WriterException | IOException e) {
            return Response.status(503).type(MediaType.TEXT_PLAIN).entity("unavailable").build();
        }
    }

    /** The return, if it is of this session's order: a link for one order never shows another's return. */
    private Part<Object> ownReturn(String id) {
        Part<Object> ret = calls.call("returns-service", () -> returns.get(id, pages.lang()));
        if (ret.isOk() && !session.orderId().equals(((Map<?, ?>) ret.value()).get("orderId"))) {
            return Part.failed(Part.State.NOT_FOUND, 404, null, null);
        }
        return ret;
    }

    /** Waits for the risk matrix's decision, so the page that follows shows it. */
    private void awaitDecision(String returnId) {
        long deadline = System.nanoTime() + config.returns().decisionWait().toNanos();
        while (System.nanoTime() < deadline) {
            Part<Object> ret = calls.call("returns-service", () -> returns.get(returnId, pages.lang()));
            if (!ret.isOk() || !"REQUESTED".equals(((Map<?, ?>) ret.value()).get("status"))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String reviewBy(Part<Object> ret) {
        if (!ret.isOk()) {
            return null;
        }
        Object at = ((Map<?, ?>) ret.value()).get("requestedAt");
        try {
            return at == null ? null : Instant.parse(at.toString()).plus(config.returns().reviewWithin()).toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A photo is optional; when given it must be a JPEG or PNG (by its first bytes, not its name) within the size
     * limit, and only for a damaged or faulty item.
     */
    private String photoError(FileUpload photo, boolean damaged) {
        if (photo == null || photo.fileName() == null || photo.fileName().isBlank() || photo.size() == 0) {
            return null;
        }
        Map<String, String> t = pages.texts();
        if (!damaged) {
            return t.get("return_photo_only_damaged");
        }
        if (photo.size() > config.returns().photoMaxBytes()) {
            return t.get("return_photo_too_large").replace("{max}", Long.toString(config.returns().photoMaxBytes() / (1024 * 1024)));
        }
        try (InputStream in = Files.newInputStream(photo.uploadedFile())) {
            byte[] head = in.readNBytes(8);
            boolean known = PHOTO_TYPES.values().stream().anyMatch(magic -> startsWith(head, magic));
            return known ? null : t.get("return_photo_wrong_type");
        } catch (IOException e) {
            return t.get("return_photo_wrong_type");
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A service field path such as {@code lines[1].quantity} as the form's field ({@code qty-1}). */
    private static String lineField(String field, List<Integer> formLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\.?(\\w*)").matcher(field);
        if (m.matches()) {
            int sent = Integer.parseInt(m.group(1));
            int line = sent < formLine.size() ? formLine.get(sent) : sent;
            return ("reason".equals(m.group(2)) ? "reason-" : "qty-") + line;
        }
        return "preferredResolution".equals(field) ? "resolution" : field;
    }

    private Response render(Map<String, String> typed, Map<String, String> errors, Part<Object> failure, int code) {
        Part<Object> eligibility = calls.call("returns-service", () -> returns.eligibility(session.orderId(), pages.lang()));
        return Response.status(code).entity(pages.page(form, "return").data("eligibility", eligibility)
                .data("typed", typed).data("errors", errors).data("failure", failure)
                .data("reasons", ReturnReason.values()).data("resolutions", ReturnResolution.values())
                .data("requestKey", UUID.randomUUID().toString())
                .data("photoMaxMb", config.returns().photoMaxBytes() / (1024 * 1024))).build();
    }
}
