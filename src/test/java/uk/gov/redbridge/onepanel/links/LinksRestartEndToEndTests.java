package uk.gov.redbridge.onepanel.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.links.FamilyForms.Person;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.RestartableService;

/**
 * The secretariat's decisions last: a confirmed link and a rejected link survive a restart of the whole service (one
 * database file, the mail server outside it) and the people being matched again, by a changed form and by matching
 * every referral again. A rejected link is not found again for the same evidence.
 */
class LinksRestartEndToEndTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String RSAB = "RSAB@redbridge.gov.uk";
    static final String RSCP = "RedbridgeSCP@redbridge.gov.uk";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;
    GreenMail greenMail;
    MailServerClient mail;

    @BeforeEach
    void startMailServer() {
        greenMail = RestartableService.mailServer();
        mail = RestartableService.client(greenMail);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void aConfirmedAndARejectedLinkSurviveARestartAndMatchingAgain() {
        String home = "5 Beal Road, Ilford IG1 4QE";
        String dhr;
        String cspr;
        String sar;
        String confirmedId;
        String rejectedId;
        try (ConfigurableApplicationContext first = startService()) {
            dhr = send(first, ONEPANEL, "dhr.referrer@met.police.uk", FamilyForms.form("Nadia", "Kowalczyk",
                    "14/02/1979", "", home, "Nadia was killed by her partner.", FamilyForms.NOBODY,
                    FamilyForms.NOBODY));
            cspr = send(first, RSCP, "cspr.referrer@nhs.net", FamilyForms.form("Lena", "Kowalczyk", "09/09/2016", "",
                    "Flat 2, 60 Cranbrook Road, Ilford IG1 4NH", "Lena lost her mother; concerns about neglect.",
                    new Person("Nadia Kowalczyk", "14/02/1979", "Mother", "Not known"), FamilyForms.NOBODY));
            sar = send(first, RSAB, "sar.referrer@nhs.net", FamilyForms.form("Edith", "Brennan", "01/03/1940", "",
                    home, "Found at home after a fall; care declined.", FamilyForms.NOBODY, FamilyForms.NOBODY));

            RestClient api = api(first);
            List<JsonNode> links = list(json(api, "/api/referrals/" + dhr + "/links").get("links"));
            assertThat(links).extracting(l -> l.get("otherReferral").asString()).containsExactlyInAnyOrder(cspr, sar);
            confirmedId = linkTo(links, cspr).get("id").asString();
            JsonNode household = linkTo(links, sar);
            assertThat(household.get("kind").asString()).isEqualTo("SAME_HOUSEHOLD");
            rejectedId = household.get("id").asString();

            assertThat(post(api, "/api/referrals/" + cspr + "/links/" + confirmedId + "/confirm",
                    "Police confirmed it is the mother").get("state").asString()).isEqualTo("CONFIRMED");
            assertThat(post(api, "/api/referrals/" + sar + "/links/" + rejectedId + "/reject",
                    "The flat was re-let in 2024: not the same household").get("state").asString())
                    .isEqualTo("REJECTED");
        }

        try (ConfigurableApplicationContext second = startService()) {
            RestClient api = api(second);
            assertDecisionsStand(api, dhr, cspr, sar, confirmedId, rejectedId);

            // the forms read again and matched again: a field review of each, then every referral again
            ReferralLog log = second.getBean(ReferralLog.class);
            for (String reference : List.of(dhr, cspr, sar)) {
                log.reviewFields(ReferralReference.parse(reference), Map.of(), "jo.secretariat");
            }
            Quiescence.await(second.getBean(JdbcClient.class));
            assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM event_publication "
                    + "WHERE event_type LIKE '%ReferralFormChanged'").query(Integer.class).single()).isEqualTo(3);
            assertDecisionsStand(api, dhr, cspr, sar, confirmedId, rejectedId);
            assertThat(JSON.readTree(api.post().uri("/api/links/match-again").retrieve().body(String.class))
                    .get("referrals").asInt()).isEqualTo(3);
            assertDecisionsStand(api, dhr, cspr, sar, confirmedId, rejectedId);
        }
    }

    private void assertDecisionsStand(RestClient api, String dhr, String cspr, String sar, String confirmedId,
            String rejectedId) {
        JsonNode fromDhr = json(api, "/api/referrals/" + dhr + "/links");
        assertThat(list(fromDhr.get("links"))).singleElement().satisfies(l -> {
            assertThat(l.get("id").asString()).isEqualTo(confirmedId);
            assertThat(l.get("otherReferral").asString()).isEqualTo(cspr);
            assertThat(l.get("state").asString()).isEqualTo("CONFIRMED");
            assertThat(l.get("reason").asString()).isEqualTo("Police confirmed it is the mother");
            assertThat(l.get("current").asBoolean()).isTrue();
        });
        assertThat(list(fromDhr.get("rejected"))).singleElement().satisfies(l -> {
            assertThat(l.get("id").asString()).isEqualTo(rejectedId);
            assertThat(l.get("otherReferral").asString()).isEqualTo(sar);
            assertThat(l.get("reason").asString()).startsWith("The flat was re-let");
        });
        JsonNode fromSar = json(api, "/api/referrals/" + sar + "/links");
        assertThat(list(fromSar.get("links"))).isEmpty();
        assertThat(list(fromSar.get("suggestions"))).isEmpty();
        assertThat(list(fromSar.get("rejected"))).hasSize(1);
        assertThat(list(json(api, "/api/referrals/" + cspr + "/links").get("links")))
                .extracting(l -> l.get("state").asString()).containsExactly("CONFIRMED");
    }

    private static JsonNode linkTo(List<JsonNode> links, String other) {
        return links.stream().filter(l -> l.get("otherReferral").asString().equals(other)).findFirst().orElseThrow();
    }

    private String send(ConfigurableApplicationContext service, String mailbox, String sender, byte[] form) {
        mail.deliver(FamilyForms.email(sender, mailbox, form), mailbox);
        service.getBean(MailAccounts.class).pollNow();
        JdbcClient jdbc = service.getBean(JdbcClient.class);
        Quiescence.await(jdbc);
        return jdbc.sql("SELECT reference FROM referral WHERE sender_address = :s").param("s", sender)
                .query(String.class).single();
    }

    private ConfigurableApplicationContext startService() {
        return RestartableService.start(dataDir, greenMail, Map.of("onepanel.meetings.papers-check-interval", "PT24H"));
    }

    private static RestClient api(ConfigurableApplicationContext service) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        String basic = java.util.Base64.getEncoder().encodeToString("secretariat:test-secret"
                .getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                }).build();
    }

    private static JsonNode json(RestClient api, String path) {
        return JSON.readTree(api.get().uri(path).retrieve().body(String.class));
    }

    private static JsonNode post(RestClient api, String path, String reason) {
        return JSON.readTree(api.post().uri(path).header("Content-Type", "application/json")
                .body("{\"reason\": \"" + reason + "\"}").retrieve().body(String.class));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
