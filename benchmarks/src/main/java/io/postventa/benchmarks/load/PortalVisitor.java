package io.postventa.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One customer in a browser on the customer portal: their cookies (session, language, CSRF), the forms as a browser
 * fills them (the CSRF field of the page, urlencoded or multipart), redirects not followed so that each step can be
 * timed. All visitors share one HTTP client (one connection pool, as a load balancer in front would see many
 * browsers through few connections).
 */
public final class PortalVisitor {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public PortalVisitor(String base) {
        this.base = base;
    }

    /**
     * Signs in as a customer without a link would: the lookup page, then order number and e-mail with its CSRF token;
     * the portal answers with its session cookie and a redirect to the order's page.
     */
    public void lookUp(String orderId, String email) throws IOException, InterruptedException {
        HttpResponse<String> home = get("/");
        require(home, 200, "the lookup page");
        HttpResponse<String> signedIn = post("/lookup", Map.of("csrf-token", field(home.body(), "csrf-token"),
                "orderId", orderId, "contact", email));
        require(signedIn, 303, "the lookup of " + orderId);
        if (!cookies.containsKey("portal-session")) {
            throw new IllegalStateException("the lookup of " + orderId + " set no session cookie");
        }
    }

    /** The order's page, as the session's browser asks for it (for an open-loop load). */
    public HttpRequest orderPage() {
        return request("/order").GET().build();
    }

    /** Sends a request of this visitor without touching its cookies (for an open-loop load). */
    public static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return keep(CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A file the page links to (a label PDF), asked for as a browser follows a download link. */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = CLIENT.send(request(path).setHeader("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        keepCookies(r);
        return r;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return keep(CLIENT.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A multipart form as a browser sends it: the fields in order, repeated names kept (one per order line). */
    public HttpResponse<String> postMultipart(String path, List<String[]> fields) throws IOException, InterruptedException {
        String boundary = "----postventa-bench-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(f[0]).append("\"\r\n\r\n")
                    .append(f[1]).append("\r\n");
        }
        // the photo input, empty as a browser sends it when no file was chosen
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"photo\"; filename=\"\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n\r\n");
        body.append("--").append(boundary).append("--\r\n");
        return keep(CLIENT.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(TIMEOUT).header("Accept", "text/html");
        String cookie = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        keepCookies(response);
        return response;
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** The value of the (first) input named {@code name} of a page. */
    public static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no field " + name + " on the page");
        }
        return m.group(1);
    }

    /** The values of every input named {@code name}, in the page's order. */
    public static List<String> fields(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    public static void require(HttpResponse<?> r, int status, String what) {
        if (r.statusCode() != status) {
            String body = r.body() instanceof String s ? s.substring(0, Math.min(300, s.length())) : "";
            throw new IllegalStateException(what + " answered " + r.statusCode() + " instead of " + status + ": " + body);
        }
    }
}
