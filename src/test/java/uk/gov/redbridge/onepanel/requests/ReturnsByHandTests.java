package uk.gov.redbridge.onepanel.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.PATIENCE;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.RSAB;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.fixtures.HostileFiles;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.papers.CollatedPapers;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentStore;
import uk.gov.redbridge.onepanel.testing.Documents;
import uk.gov.redbridge.onepanel.testing.MailServerClient;

/**
 * Returns that do not come by email (an agency's secure portal, or paper scanned), added by hand: they count as the
 * return exactly as an emailed one does, go through the same bounded reading as mail, and are added once. The
 * referrals arrive by SMTP and get their requests as in {@link InformationRequestsEndToEndTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onepanel.requests.hold=PT0S"})
@ActiveProfiles("test")
@RecordApplicationEvents
class ReturnsByHandTests {

    static final String ACTOR = "secretariat";

    @Autowired
    MailAccounts accounts;
    @Autowired
    ReferralLog referrals;
    @Autowired
    InformationRequests requests;
    @Autowired
    AgencyDirectory directory;
    @Autowired
    Papers papers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @LocalServerPort
    int port;

    MailServerClient mail;
    RestClient api;

    @BeforeEach
    void clients() {
        mail = RequestsTestSupport.mailServer(accounts);
        api = RequestsTestSupport.api(port);
    }

    @Test
    void aWordReturnAddedByHandClosesTheRequestAsReturnedAndIsKeptLikeAnEmailedOne() {
        ReferralReference ref = referralWithRequestsSent("Ivo", "Marchbank", "Self-neglect after a bereavement");
        InformationRequest nelft = requests.find(ref, "NELFT").orElseThrow();
        byte[] word = Documents.docx("NELFT return for " + ref, "Known to the community nursing team since 2019.");

        ReturnAdded result = requests.addReturnByHand(ref, "nelft", "C:\\Users\\panel\\Downloads\\NELFT return.docx",
                Documents.DOCX, word, ACTOR);

        assertThat(result).isInstanceOf(ReturnAdded.Added.class);
        ReturnAdded.Added added = (ReturnAdded.Added) result;
        assertThat(added.closedAsReturned()).isTrue();
        assertThat(added.requestId()).isEqualTo(nelft.id());
        InformationRequest answered = requests.find(nelft.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(RequestStatus.RETURNED);
        assertThat(answered.matchedBy()).isEqualTo(MatchRule.BY_HAND);
        assertThat(answered.answeredAt()).isNotNull();

        // listed with how it came and who added it, and read back byte for byte, through the API too
        assertThat(requests.documents(nelft.id())).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(added.documentId());
            assertThat(d.fileName()).isEqualTo("NELFT return.docx");
            assertThat(d.contentType()).isEqualTo(Documents.DOCX);
            assertThat(d.size()).isEqualTo(word.length);
            assertThat(d.sha256()).isEqualTo(ContentStore.sha256Hex(word));
            assertThat(d.messageId()).isNull();
            assertThat(d.addedBy()).isEqualTo(ACTOR);
            assertThat(d.addedByHand()).isTrue();
        });
        assertThat(requests.documentContent(nelft.id(), added.documentId())).get()
                .satisfies(c -> assertThat(c.bytes()).isEqualTo(word))
                .satisfies(c -> assertThat(c.fileName()).isEqualTo("NELFT return.docx"));
        assertThat(api.get().uri("/api/referrals/{ref}/requests/NELFT/documents/{id}", ref, added.documentId())
                .retrieve().body(byte[].class)).isEqualTo(word);
        JsonNode view = requestView(ref, "NELFT");
        assertThat(view.get("status").asString()).isEqualTo("RETURNED");
        assertThat(view.get("documents").get(0).get("addedBy").asString()).isEqualTo(ACTOR);
        assertThat(view.get("documents").get(0).get("messageId").isNull()).isTrue();

        // who and when, on the request and on the referral's timeline; and the event an emailed return publishes
        assertThat(requests.actions(nelft.id())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("return-by-hand:1");
            assertThat(a.outcome()).isEqualTo("ADDED");
            assertThat(a.doneBy()).isEqualTo(ACTOR);
            assertThat(a.doneAt()).isEqualTo(answered.answeredAt());
        });
        assertThat(referrals.timeline(referrals.find(ref).orElseThrow().id()))
                .anySatisfy(t -> {
                    assertThat(t.detail()).isEqualTo(
                            "Return from North East London NHS Foundation Trust (NELFT) added by hand (Word document)");
                    assertThat(t.actor()).isEqualTo(ACTOR);
                });
        assertThat(events.stream(ReturnReceived.class).filter(e -> e.requestId().equals(nelft.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(RequestStatus.RETURNED);
                    assertThat(e.reference()).isEqualTo(ref);
                    assertThat(e.agencyCode()).isEqualTo("NELFT");
                    assertThat(e.messageId()).isNull();
                });
    }

    @Test
    void theSameFileTwiceIsAddedOnceAndAFurtherDocumentLeavesAnAnsweredRequestAsItWas() {
        ReferralReference ref = referralWithRequestsSent("Wren", "Oakhurst", "Financial abuse by a relative");
        InformationRequest bhrut = requests.find(ref, "BHRUT").orElseThrow();
        byte[] word = Documents.docx("BHRUT return: two attendances at the emergency department.");

        ReturnAdded first = requests.addReturnByHand(ref, "BHRUT", "BHRUT.docx", Documents.DOCX, word, ACTOR);
        ReturnAdded again = requests.addReturnByHand(ref, "BHRUT", "BHRUT (1).docx", Documents.DOCX, word, ACTOR);

        assertThat(first).isInstanceOf(ReturnAdded.Added.class);
        assertThat(again).isEqualTo(new ReturnAdded.AlreadyAdded(bhrut.id(), ((ReturnAdded.Added) first).documentId()));
        assertThat(again.kept()).isTrue();
        assertThat(requests.documents(bhrut.id())).hasSize(1);
        assertThat(storedCopies(word)).isEqualTo(1);
        assertThat(requests.actions(bhrut.id())).hasSize(1);
        assertThat(events.stream(ReturnReceived.class).filter(e -> e.requestId().equals(bhrut.id()))).hasSize(1);

        // a late extra document: kept with the return, which stays as it was
        byte[] chronology = Documents.pdf("BHRUT chronology");
        ReturnAdded extra = requests.addReturnByHand(ref, "BHRUT", "chronology.pdf", null, chronology, ACTOR);
        assertThat(extra).isInstanceOf(ReturnAdded.Added.class)
                .satisfies(r -> assertThat(((ReturnAdded.Added) r).closedAsReturned()).isFalse());
        assertThat(requests.find(bhrut.id()).orElseThrow().status()).isEqualTo(RequestStatus.RETURNED);
        assertThat(requests.documents(bhrut.id())).extracting(ReturnDocument::fileName, ReturnDocument::contentType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("BHRUT.docx", Documents.DOCX),
                        org.assertj.core.groups.Tuple.tuple("chronology.pdf", "application/octet-stream"));
        assertThat(requests.actions(bhrut.id())).extracting(RequestAction::kind)
                .containsExactly("return-by-hand:1", "return-by-hand:2");
        assertThat(events.stream(ReturnReceived.class).filter(e -> e.requestId().equals(bhrut.id()))).hasSize(1);

        // an agency that said "not known" and then sent a document keeps its answer too
        assertThat(requests.recordNotKnown(ref, "MPS", ACTOR)).isTrue();
        ReturnAdded afterNotKnown = requests.addReturnByHand(ref, "MPS", "MPS.pdf", Documents.PDF,
                Documents.pdf("MPS"), ACTOR);
        assertThat(((ReturnAdded.Added) afterNotKnown).closedAsReturned()).isFalse();
        assertThat(requests.find(ref, "MPS").orElseThrow().status()).isEqualTo(RequestStatus.NOT_KNOWN);
    }

    @Test
    void aPasswordProtectedOrEmptyFileIsRefusedWithItsReasonAndNothingIsStored() {
        ReferralReference ref = referralWithRequestsSent("Tam", "Pellowe", "Neglect in supported housing");
        InformationRequest barts = requests.find(ref, "BARTS").orElseThrow();
        byte[] locked = HostileFiles.passwordProtected(Documents.docx("Barts Health return"), "secret");

        ReturnAdded refused = requests.addReturnByHand(ref, "BARTS", "Barts.docx", Documents.DOCX, locked, ACTOR);
        ReturnAdded empty = requests.addReturnByHand(ref, "BARTS", "Barts.pdf", Documents.PDF, new byte[0], ACTOR);

        assertThat(refused).isInstanceOf(ReturnAdded.Refused.class);
        assertThat(((ReturnAdded.Refused) refused).reason()).isEqualTo(FailureReason.ENCRYPTED);
        assertThat(((ReturnAdded.Refused) refused).code()).isEqualTo("encrypted");
        assertThat(((ReturnAdded.Refused) refused).explanation()).contains("password");
        assertThat(empty).isInstanceOf(ReturnAdded.Refused.class);
        assertThat(((ReturnAdded.Refused) empty).reason()).isEqualTo(FailureReason.EMPTY);
        assertThat(refused.kept()).isFalse();

        assertThat(storedCopies(locked)).isZero();
        assertThat(storedCopies(new byte[0])).isZero();
        assertThat(requests.documents(barts.id())).isEmpty();
        assertThat(requests.actions(barts.id())).isEmpty();
        assertThat(requests.find(barts.id()).orElseThrow().status()).isEqualTo(RequestStatus.SENT);
        assertThat(events.stream(ReturnReceived.class).filter(e -> e.requestId().equals(barts.id()))).isEmpty();
    }

    @Test
    void anUnknownReferralOrAgencyIsNoSuchRequestAndACancelledRequestTakesNoReturn() {
        ReferralReference ref = referralWithRequestsSent("Jem", "Tredinnick", "Domestic abuse, injuries seen at A&E");
        byte[] word = Documents.docx("A return");
        ReferralReference unknown = ReferralReference.parse("OP-2999-9999");

        assertThat(requests.addReturnByHand(unknown, "NELFT", "r.docx", Documents.DOCX, word, ACTOR))
                .isEqualTo(new ReturnAdded.NoSuchRequest(unknown, "NELFT"));
        assertThat(requests.addReturnByHand(ref, "NO-SUCH", "r.docx", Documents.DOCX, word, ACTOR))
                .isEqualTo(new ReturnAdded.NoSuchRequest(ref, "NO-SUCH"));

        assertThat(requests.removeAgency(ref, "REFUGE", ACTOR)).isTrue();
        ReturnAdded cancelled = requests.addReturnByHand(ref, "REFUGE", "r.docx", Documents.DOCX, word, ACTOR);
        assertThat(cancelled).isInstanceOf(ReturnAdded.RequestCancelled.class);
        assertThat(((ReturnAdded.RequestCancelled) cancelled).explanation()).contains("cancelled")
                .contains("referral's documents");
        assertThat(requests.find(ref, "REFUGE").orElseThrow().status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(storedCopies(word)).isZero();

        assertThatThrownBy(() -> requests.addReturnByHand(ref, "NELFT", "r.docx", Documents.DOCX, word, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnsAddedByHandFromEveryAgencyMakeTheReferralReadyAndAreInItsPapers() throws IOException {
        ReferralReference ref = referralWithRequestsSent("Bel", "Quarrington", "Died after a fall at home");
        for (InformationRequest r : requests.forReferral(ref)) {
            byte[] scan = Documents.pdf("Return from " + r.agencyCode() + " for " + ref);
            assertThat(requests.addReturnByHand(ref, r.agencyCode(), r.agencyCode() + " return.pdf", Documents.PDF,
                    scan, ACTOR)).isInstanceOf(ReturnAdded.Added.class);
        }

        assertThat(requests.forReferral(ref)).allSatisfy(r -> assertThat(r.status()).isEqualTo(RequestStatus.RETURNED));
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.READY_FOR_PANEL);

        CollatedPapers collated = papers.referralPapers(ref);
        assertThat(collated.notConverted()).isEmpty();
        assertThat(collated.contents()).anySatisfy(e -> {
            assertThat(e.title()).isEqualTo("Return from NELFT: NELFT return.pdf");
            assertThat(e.pages()).isEqualTo(1);
        });
        try (PDDocument pdf = Loader.loadPDF(collated.pdf())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Return from NELFT for " + ref);
        }
    }

    // helpers

    private ReferralReference referralWithRequestsSent(String first, String last, String reason) {
        ReferralReference ref = RequestsTestSupport.referral(mail, accounts, referrals, RSAB, first, last, reason);
        RequestsTestSupport.awaitRequestsSent(requests, directory, ref, Pathway.ADULTS_SAR);
        await().atMost(PATIENCE).until(() -> referrals.find(ref).orElseThrow().status() == ReferralStatus.SCREENING);
        return ref;
    }

    /** Copies of these bytes in the content store (a count by hash: other work in the context cannot change it). */
    private long storedCopies(byte[] bytes) {
        return jdbc.sql("SELECT COUNT(*) FROM stored_content WHERE sha256 = :sha")
                .param("sha", ContentStore.sha256Hex(bytes)).query(Long.class).single();
    }

    private JsonNode requestView(ReferralReference ref, String agency) {
        JsonNode json = RequestsTestSupport.json(api.get().uri("/api/referrals/{ref}/requests", ref).retrieve()
                .body(String.class));
        for (JsonNode r : json.get("requests")) {
            if (r.get("agency").asString().equals(agency)) {
                return r;
            }
        }
        throw new AssertionError("no request for " + agency);
    }
}
