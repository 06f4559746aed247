package io.postventa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProviderStubResourceTest {

    private static int post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", ProviderStubResource.KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theServiceIsPointedAtTheStubWithItsKeyAndAnUnavailableNumberFails() throws Exception {
        ProviderStubResource resource = new ProviderStubResource();
        Map<String, String> settings = resource.start();
        try {
            String sms = settings.get("postventa.notification.providers.sms.url");
            assertEquals(ProviderStubResource.KEY, settings.get("postventa.notification.providers.sms.auth-value"));
            assertEquals(200, post(sms, "{\"to\":\"+34600000000\"}"));
            assertEquals(503, post(sms, "{\"to\":\"" + ProviderStubResource.UNAVAILABLE_PREFIX + "1234\"}"));
            assertEquals(2, ProviderStubResource.stub().received("sms", "\"to\"").size());
        } finally {
            resource.stop();
        }
    }
}
