package uk.gov.redbridge.onepanel.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.links.FamilyForms.Person;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.MeetingsTestSupport;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;

/**
 * Think Family, end to end: referrals by mail through the embedded mail server, read from Word forms the project
 * writes, linked by the service, shown by the JSON API, the case page, the dashboard, a meeting's agenda and the
 * pack; the secretariat confirms and rejects through the page. Fictional people; the log never carries their names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "onepanel.meetings.papers-check-interval=PT24H")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class LinksEndToEndTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String RSAB = "RSAB@redbridge.gov.uk";
    static final String RSCP = "RedbridgeSCP@redbridge.gov.uk";
    static final RequestPostProcessor SECRETARIAT = user("jo.secretariat").roles("SECRETARIAT");
    static final RequestPostProcessor READER = user("reader").roles("READONLY");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ReferralLog referrals;
    @Autowired
    PanelMeetings meetings;
    @Autowired
    Papers papers;
    @LocalServerPort
    int port;

    MailServerClient mail;
    RestClient api;

    @BeforeEach
    void connect() {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
        String basic = java.util.Base64.getEncoder().encodeToString("secretariat:test-secret"
                .getBytes(StandardCharsets.UTF_8));
        api = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                }).build();
    }

    @Test
    void aDomesticHomicideVictimNamedAsTheChildsMotherIsLinkedBothWaysWithTheEvidence(CapturedOutput output)
            throws Exception {
        String home = "27 Ley Street, Ilford IG1 4BP";
        String dhr = send(ONEPANEL, FamilyForms.form("Aisha", "Mensah", "12/04/1988", "", home,
                "Aisha was killed by her partner at home in February.",
                new Person("Kwame Boateng", "02/02/1985", "Partner", "Not known"), FamilyForms.NOBODY));
        String cspr = send(RSCP, FamilyForms.form("Kofi", "Mensah", "01/06/2015", "",
                "Flat 3, 8 Cranley Road, Ilford IG2 6AB", "Kofi was at home when his mother died; neglect before.",
                new Person("Ayesha Mensah", "12/04/1988", "Mother", home),
                new Person("Joyce Mensah", "03/03/1960", "Grandmother", "Flat 3, 8 Cranley Road, Ilford IG2 6AB")));

        assertThat(json("/api/referrals/" + dhr).get("pathway").asString()).isEqualTo("DOMESTIC_HOMICIDE");
        assertThat(json("/api/referrals/" + cspr).get("pathway").asString()).isEqualTo("CHILDREN_CSPR");

        JsonNode fromDhr = json("/api/referrals/" + dhr + "/links");
        assertThat(fromDhr.get("links")).singleElement().satisfies(l -> {
            assertThat(l.get("otherReferral").asString()).isEqualTo(cspr);
            assertThat(l.get("otherPathway").asString()).isEqualTo("CHILDREN_CSPR");
            assertThat(l.get("kind").asString()).isEqualTo("NAMED_AS_RELATIVE");
            assertThat(l.get("strength").asString()).isEqualTo("STRONG");
            assertThat(l.get("state").asString()).isEqualTo("FOUND");
            assertThat(texts(l.get("evidence"))).containsExactly("NAME_SPELT_DIFFERENTLY_AND_DATE_OF_BIRTH",
                    "SAME_ADDRESS");
            assertThat(l.get("personHere").asString()).isEqualTo("the subject");
            assertThat(l.get("personThere").asString()).isEqualTo("person 3a (Mother)");
        });
        JsonNode fromCspr = json("/api/referrals/" + cspr + "/links");
        assertThat(fromCspr.get("links")).singleElement().satisfies(l -> {
            assertThat(l.get("otherReferral").asString()).isEqualTo(dhr);
            assertThat(l.get("otherPathway").asString()).isEqualTo("DOMESTIC_HOMICIDE");
            assertThat(l.get("who").asString()).isEqualTo("Person 3a (Mother) here is the subject in " + dhr + ".");
            assertThat(l.get("evidenceText").asString())
                    .isEqualTo("name spelt differently, same date of birth; same postcode and house number");
            assertThat(l.get("id").asString()).isEqualTo(fromDhr.get("links").get(0).get("id").asString());
        });
        // the API and the pages carry references and the evidence in words, never a name
        assertThat(fromCspr.toString()).doesNotContain("Mensah", "Ayesha", "Aisha", "1988", "IG1");

        String casePage = html("/referrals/" + cspr, READER);
        assertThat(casePage).contains("Family and linked referrals", dhr, "Domestic Homicide Review",
                "Person 3a (Mother) here is the subject in " + dhr,
                "name spelt differently, same date of birth; same postcode and house number", "Not yet checked");
        assertThat(casePage).doesNotContain("Confirm the link");
        assertThat(html("/referrals/" + dhr, SECRETARIAT)).contains(cspr, "Children (Rapid Review / CSPR)",
                "Confirm the link", "Reject the link");
        assertThat(html("/", READER)).contains("New links in the last 7 days");

        // the agenda and the pack say so for the item
        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ReferralReference.parse(cspr));
        assertThat(html("/meetings/" + item.meetingId(), READER))
                .contains("also known to " + dhr + ", DHR, status: Received (link not yet checked)");
        meetings.issuePapersNow(item.meetingId(), "secretariat");
        String pack = pdfText(meetings.packPdf(item.meetingId()).orElseThrow());
        assertThat(pack).contains("also known to " + dhr + ", DHR").contains("Family and linked referrals")
                .contains("Person 3a (Mother) here is the subject in " + dhr);

        // the secretariat confirms, with a reason; both referrals' audit has it
        String linkId = fromDhr.get("links").get(0).get("id").asString();
        MvcResult noReason = mvc.perform(post("/referrals/" + dhr + "/links/" + linkId).param("decision", "CONFIRMED")
                .with(SECRETARIAT).with(csrf())).andReturn();
        assertThat(String.valueOf(noReason.getFlashMap().get("pageError"))).contains("links.reason.required");
        assertThat(mvc.perform(post("/referrals/" + dhr + "/links/" + linkId).param("decision", "CONFIRMED")
                .param("reason", "x").with(READER).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        MvcResult confirmed = mvc.perform(post("/referrals/" + dhr + "/links/" + linkId).param("decision", "CONFIRMED")
                .param("reason", "Police confirmed the mother is the victim").with(SECRETARIAT).with(csrf()))
                .andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + dhr + "#family");
        JsonNode after = json("/api/referrals/" + cspr + "/links").get("links").get(0);
        assertThat(after.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(after.get("decidedBy").asString()).isEqualTo("jo.secretariat");
        assertThat(jdbc.sql("SELECT referral_reference FROM audit_event WHERE action = 'link.confirmed'")
                .query(String.class).list()).contains(dhr, cspr);
        Quiescence.await(jdbc);
        meetings.issuePapersNow(item.meetingId(), "secretariat");
        assertThat(meetings.packs(item.meetingId()).get(meetings.packs(item.meetingId()).size() - 1).changes())
                .contains(cspr + ": the link to " + dhr + " was confirmed");

        assertThat(output.getAll()).doesNotContain("Mensah", "Ayesha", "Aisha", "Kofi", "Boateng");
    }

    @Test
    void aPersonWithTheSameNameAndAnotherDateOfBirthIsNotLinked() throws Exception {
        String first = send(RSAB, FamilyForms.form("Tomasz", "Wisniewski", "05/09/1950", "",
                "3 Aldborough Road, Ilford IG3 8HA", "Found at home after a fall; care declined.",
                FamilyForms.NOBODY, FamilyForms.NOBODY));
        String second = send(RSAB, FamilyForms.form("Tomasz", "Wiśniewski", "11/11/1972", "",
                "40 Woodford Avenue, Ilford IG2 6XQ", "Self-neglect; hoarding.", FamilyForms.NOBODY,
                FamilyForms.NOBODY));

        for (String reference : List.of(first, second)) {
            JsonNode links = json("/api/referrals/" + reference + "/links");
            assertThat(links.get("links")).isEmpty();
            assertThat(links.get("suggestions")).isEmpty();
        }
        assertThat(html("/referrals/" + first, READER)).contains("No other referral shares a person with this one.");
    }

    @Test
    void anEarlierReferralOfTheSamePersonConfirmedShowsBothHistoriesAsOne() throws Exception {
        String earlier = send(RSAB, FamilyForms.form("Grace", "Adeyemi", "30/07/1971", "999 000 0026",
                "9 Mildmay Road, Romford RM7 7DA", "Self-neglect and falls at home.", FamilyForms.NOBODY,
                FamilyForms.NOBODY));
        String later = send(ONEPANEL, FamilyForms.form("GRACE", "ADEYEMI", "30/07/1971", "9990000026",
                "11 Station Parade, Romford RM1 1AA", "Grace was killed by her husband.", FamilyForms.NOBODY,
                FamilyForms.NOBODY));

        JsonNode link = json("/api/referrals/" + later + "/links").get("links").get(0);
        assertThat(link.get("kind").asString()).isEqualTo("SAME_PERSON");
        assertThat(texts(link.get("evidence"))).containsExactly("NHS_NUMBER", "NAME_AND_DATE_OF_BIRTH");
        assertThat(html("/referrals/" + later, SECRETARIAT)).doesNotContain("combined-timeline");

        JsonNode confirmed = JSON.readTree(api.post().uri("/api/referrals/" + later + "/links/"
                + link.get("id").asString() + "/confirm").header("Content-Type", "application/json")
                .body("{\"reason\": \"Same NHS number; GP confirmed\"}").retrieve().body(String.class));
        assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");

        assertThat(html("/referrals/" + later, READER)).contains("combined-timeline");
        String combined = html("/referrals/" + later + "/combined-timeline", READER);
        assertThat(combined).contains(earlier, later, "Referral logged");
        // the referrals themselves stay apart
        assertThat(json("/api/referrals/" + later).get("timeline").toString()).doesNotContain(earlier);
    }

    private String send(String mailbox, byte[] form) {
        String sender = "referrer." + UUID.randomUUID().toString().substring(0, 8) + "@nhs-trust.example";
        mail.deliver(FamilyForms.email(sender, mailbox, form), mailbox);
        accounts.pollNow();
        Quiescence.await(jdbc);
        return jdbc.sql("SELECT reference FROM referral WHERE sender_address = :s").param("s", sender)
                .query(String.class).single();
    }

    private JsonNode json(String path) {
        return JSON.readTree(api.get().uri(path).retrieve().body(String.class));
    }

    private String html(String path, RequestPostProcessor who) throws Exception {
        MvcResult r = mvc.perform(get(path).with(who)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }
}
