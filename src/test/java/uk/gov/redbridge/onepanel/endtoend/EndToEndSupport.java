package uk.gov.redbridge.onepanel.endtoend;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API as a client sees it, and reading back the mail the service sent. */
final class EndToEndSupport {

    static final String DEMO_PASSWORD = "test-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EndToEndSupport() {
    }

    static RestClient api(int port) {
        String basic = Base64.getEncoder().encodeToString(("secretariat:" + DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                })
                .build();
    }

    static JsonNode get(RestClient api, String path) {
        return JSON.readTree(api.get().uri(path).retrieve().body(String.class));
    }

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(byte[] raw) {
        try {
            return parse(raw).getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(byte[] raw, String name) {
        try {
            return parse(raw).getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    static JsonNode referralWithSender(RestClient api, String sender) {
        for (JsonNode summary : get(api, "/api/referrals")) {
            JsonNode detail = get(api, "/api/referrals/" + summary.get("reference").asString());
            if (sender.equalsIgnoreCase(detail.path("referrer").path("sentFrom").asString(""))) {
                return detail;
            }
        }
        return null;
    }

    /** Every open exception (the API gives the oldest 500 unless asked: another test may have left hundreds). */
    static List<JsonNode> exceptions(RestClient api) {
        List<JsonNode> out = new java.util.ArrayList<>();
        get(api, "/api/exceptions?limit=5000").get("items").forEach(out::add);
        return out;
    }
}
