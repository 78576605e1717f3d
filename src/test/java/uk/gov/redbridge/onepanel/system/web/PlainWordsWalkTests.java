package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.links.FamilyForms;
import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.LinkViewer;
import uk.gov.redbridge.onepanel.links.ReferralLink;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.BoardDecisionForm;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.DecisionForm;
import uk.gov.redbridge.onepanel.meetings.FollowUpAction;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingsTestSupport;
import uk.gov.redbridge.onepanel.meetings.Methodology;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.SarBasis;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.RawCodes;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * Plain English everywhere (issue 13): with data in every state the service can reach without the clock moving
 * (referrals of every status and pathway, exceptions open and resolved in each way, requests drafted, sent,
 * answered, not known, cancelled, meetings scheduled, held, past and cancelled, a decision with dissent, the board's
 * decision, a review, further information; Think Family links found, confirmed, rejected and suggested; forms about
 * two people in one email, a message too complex to read, a storm held back by the loop guard; a sign-in lock),
 * every page a signed-in person can open is walked, and its visible text
 * must hold no code: no enum constant, field key, snake-case code, audit action, mailbox key, agency code where its
 * name belongs, ISO date. So must the exports, the PDFs and every email the service wrote.
 */
@SpringBootTest(properties = {"onepanel.meetings.papers-check-interval=PT24H",
        "onepanel.correspondence.max-per-recipient-per-hour=5"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlainWordsWalkTests {

    static final RequestPostProcessor SECRETARIAT = user("wren.secretariat").roles("SECRETARIAT");
    static final String[] MEMBERS = {"panel.chair@nelics.example", "adults.safeguarding@redbridge.example",
            "childrens.safeguarding@redbridge.example", "community.safety@redbridge.example",
            "safeguarding.adults@nelft.example", "ea.partnerships@mps.example"};

    @Autowired
    MockMvc mvc;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralLog referrals;
    @Autowired
    ExceptionsQueue queue;
    @Autowired
    InformationRequests requests;
    @Autowired
    PanelMeetings meetings;
    @Autowired
    AgencyDirectory directory;
    @Autowired
    ContentStore contents;
    @Autowired
    FamilyLinks links;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** What the walk substitutes into addresses. */
    final Map<String, List<String>> values = new LinkedHashMap<>();

    @Test
    void everyPageExportPdfAndEmailSpeaksPlainEnglishWithDataInEveryState() throws Exception {
        build();
        RawCodes codes = new RawCodes(directory.all().stream().map(Agency::code)
                .filter(c -> !directory.nameOf(c).contains(c) && !c.equals("CSP")).toList());
        Map<String, List<String>> found = new TreeMap<>();
        Map<String, Integer> pagesPerRoute = new TreeMap<>();

        for (String url : urls(pagesPerRoute)) {
            MvcResult r = mvc.perform(get(url).with(SECRETARIAT)).andReturn();
            int status = r.getResponse().getStatus();
            if (status == 409) {
                continue; // a confirmation page for an action the item does not allow now
            }
            assertThat(status).as(url).isEqualTo(200);
            pagesPerRoute.merge(pattern(url), 1, Integer::sum);
            List<String> raw = codes.in(RawCodes.visibleText(r.getResponse().getContentAsString(StandardCharsets.UTF_8)));
            if (!raw.isEmpty()) {
                found.put(url, raw);
            }
        }
        for (String url : List.of("/exceptions?show=resolved", "/referrals?status=DECIDED", "/login")) {
            MvcResult r = mvc.perform(get(url).with(SECRETARIAT)).andReturn();
            List<String> raw = codes.in(RawCodes.visibleText(r.getResponse().getContentAsString(StandardCharsets.UTF_8)));
            if (!raw.isEmpty()) {
                found.put(url, raw);
            }
        }
        // the exports, the PDFs and the emails
        checkData(found, codes, "/referrals/export.csv",
                new String(download("/referrals/export.csv"), StandardCharsets.UTF_8));
        checkData(found, codes, "/referrals/export.xlsx", xlsxText(download("/referrals/export.xlsx")));
        checkData(found, codes, "/reports/annual.xlsx", xlsxText(download("/reports/annual.xlsx")));
        check(found, codes, "/reports/annual.pdf", RawCodes.pdfText(download("/reports/annual.pdf")));
        for (String reference : values.get("reference")) {
            check(found, codes, "/referrals/" + reference + "/papers",
                    RawCodes.pdfText(download("/referrals/" + reference + "/papers")));
        }
        Quiescence.await(jdbc);
        for (Map<String, Object> mail : jdbc.sql("SELECT template, subject, mime_content_id FROM outbound_mail")
                .query().listOfRows()) {
            String template = String.valueOf(mail.get("TEMPLATE"));
            var parsed = MailParser.parse(contents.get(new ContentId((UUID) mail.get("MIME_CONTENT_ID"))));
            check(found, codes, "email " + template, mail.get("SUBJECT") + "\n" + parsed.body());
        }

        assertThat(found).as("codes where words belong, by page").isEmpty();
        // every page the walk meant to open was opened at least once
        assertThat(pagesPerRoute).allSatisfy((route, n) -> assertThat(n).as(route).isPositive());
        assertThat(pagesPerRoute.keySet()).contains("/referrals/{reference}", "/referrals/{reference}/review",
                "/referrals/{reference}/audit", "/exceptions/{id}", "/meetings/{id}", "/meetings/{id}/items/{item}",
                "/reviews", "/reports/annual", "/exceptions/{id}/undo", "/referrals/{reference}/requests/{agency}/remove",
                "/referrals/{reference}/combined-timeline", "/sign-in-locks");
    }

    private void checkData(Map<String, List<String>> found, RawCodes codes, String where, String text) {
        List<String> raw = codes.inData(text);
        if (!raw.isEmpty()) {
            found.put(where, raw);
        }
    }

    private void check(Map<String, List<String>> found, RawCodes codes, String where, String text) {
        List<String> raw = codes.in(text);
        if (!raw.isEmpty()) {
            found.put(where, raw);
        }
    }

    // the data

    private void build() throws Exception {
        PageTestData data = new PageTestData(accounts, jdbc);
        List<String> references = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();

        // received (adults, by mailbox), needs information, children's and domestic homicide pathways
        ReferralReference received = referral(data, "RSAB@redbridge.gov.uk", "Ada", "Received", "02/05/1961",
                "Found at home after a fall; concerns about the care provided.");
        ReferralReference child = referral(data, "RedbridgeSCP@redbridge.gov.uk", "Kit", "Childpath", "02/05/2015",
                "Serious injury at home.");
        ReferralReference homicide = referral(data, PageTestData.ONEPANEL, "Dee", "Homicide", "02/05/1990",
                "She was killed at home; her partner has been charged.");
        references.addAll(List.of(received.toString(), child.toString(), homicide.toString()));
        ExceptionItem noForm = data.exceptionFrom(PageTestData.uniqueSender(), queue);
        Referral byHand = referrals.createFromMessage(noForm.messageId(), null, null, null, "wren.secretariat");
        queue.resolve(noForm.id(), "referral_created", "wren.secretariat", "Referral " + byHand.reference(),
                byHand.reference().toString());
        references.add(byHand.reference().toString());
        Referral doubtful = data.doubtfulReferral(PageTestData.uniqueSender(), queue, referrals);
        references.add(doubtful.reference().toString());
        referrals.changePathway(doubtful.reference(), Pathway.LEARNING_ONLY, "wren.secretariat", "learning");
        ReferralReference blocked = referral(data, PageTestData.ONEPANEL, "Bo", "Blocked", "02/05/1970",
                "Self-neglect.", "pat.example@not-allowed.invalid");
        references.add(blocked.toString());

        // requests: sent, answered, not known, cancelled; a held reply attached as a return, one attached and closed
        requests.sendNow(received, "wren.secretariat");
        Quiescence.await(jdbc);
        List<InformationRequest> sent = requests.forReferral(received);
        requests.recordNotKnown(received, sent.get(0).agencyCode(), "wren.secretariat");
        requests.removeAgency(received, sent.get(1).agencyCode(), "wren.secretariat");
        ExceptionItem held = heldReply(data, received, sent.get(2).agencyCode());
        exceptions.add(held.id().toString());
        mvc.perform(post("/exceptions/" + held.id() + "/attach").param("reference", received.toString())
                .param("agency", sent.get(2).agencyCode()).with(SECRETARIAT).with(csrf()));
        ExceptionItem closed = data.exceptionFrom(PageTestData.uniqueSender(), queue);
        queue.resolve(closed.id(), "not_a_referral", "wren.secretariat", "A question about the panel");
        exceptions.add(closed.id().toString());
        ExceptionItem open = data.exceptionFrom(PageTestData.uniqueSender(), queue);
        exceptions.add(open.id().toString());
        exceptions.add(noForm.id().toString());
        queue.open(10_000).stream().filter(e -> e.outboundMailId() != null).findFirst()
                .ifPresent(e -> exceptions.add(e.id().toString()));

        // a form added by hand, confirmed as the same person: values side by side on the review
        referrals.addDocument(doubtful.reference(), new uk.gov.redbridge.onepanel.referrals.DocumentUpload(
                "form.docx", null, uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments.officialTables(
                        uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.of(0,
                                uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording.OFFICIAL,
                                uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle.DMY)),
                uk.gov.redbridge.onepanel.referrals.DocumentUpload.Kind.FORM).confirmedSamePerson(),
                "wren.secretariat");

        // the panel: one decided with dissent and ratified (a review), one open, one with further information
        AgendaItem decided = MeetingsTestSupport.readyForPanel(referrals, meetings, homicide);
        AgendaItem ready = MeetingsTestSupport.readyForPanel(referrals, meetings, child);
        for (String member : MEMBERS) {
            meetings.recordAttendance(decided.meetingId(), member, null, null, "wren.secretariat");
        }
        meetings.recordVote(decided.id(), "NELFT", Recommendation.DHR, "Named Professional", "wren.secretariat");
        Decision decision = meetings.recordDecision(decided.id(), new DecisionForm(List.of(Recommendation.DHR,
                Recommendation.SAR), Recommendation.DHR, SarBasis.MANDATORY, "Coercive control",
                Set.of(Methodology.APPRECIATIVE_INQUIRY), "The criteria are met.",
                List.of(new FollowUpAction("Tell the Home Office", "CSP manager", LocalDate.now().plusDays(20))),
                List.of("LBR-CSC"), "A learning review would be enough"), "wren.secretariat");
        meetings.recordBoardDecision(decision.id(), new BoardDecisionForm(true, null, null, "CSP chair",
                LocalDate.now(), "Ratified"), "wren.secretariat");
        meetings.addItem(ready.meetingId(), null, "Learning from a review published elsewhere", "For information",
                "wren.secretariat");
        meetings.requestFurtherInformation(ready.id(), "Was the child known to the school nurse?",
                LocalDate.now().plusDays(7), "wren.secretariat");
        ReferralReference closedRef = ReferralReference.parse(references.get(5));
        referrals.changeStatus(closedRef, ReferralStatus.CLOSED, "wren.secretariat", "dealt with elsewhere");
        // Think Family (module links): a domestic homicide victim named as a child's mother (found, not yet
        // checked, and on an agenda), one person referred twice (confirmed: the combined history), a link rejected,
        // and a suggestion too weak to be a link (the same name where one form gives no date of birth)
        String home = "27 Ley Street, Ilford IG1 4BP";
        ReferralReference victim = formReferral(data, PageTestData.ONEPANEL, FamilyForms.form("Aisha", "Walkmensah",
                "12/04/1988", "", home, "Aisha was killed by her partner at home in February.",
                new FamilyForms.Person("Kwame Walkboateng", "02/02/1985", "Partner", "Not known"), FamilyForms.NOBODY));
        ReferralReference son = formReferral(data, "RedbridgeSCP@redbridge.gov.uk", FamilyForms.form("Kofi",
                "Walkmensah", "01/06/2015", "", "Flat 3, 8 Cranley Road, Ilford IG2 6AB",
                "Kofi was at home when his mother died; neglect before.",
                new FamilyForms.Person("Ayesha Walkmensah", "12/04/1988", "Mother", home), FamilyForms.NOBODY));
        ReferralReference twiceFirst = referral(data, "RSAB@redbridge.gov.uk", "Nia", "Walktwice", "03/03/1950",
                "Self-neglect at home.");
        ReferralReference twiceAgain = referral(data, PageTestData.ONEPANEL, "Nia", "Walktwice", "03/03/1950",
                "Self-neglect at home, a second referral.");
        ReferralReference pairFirst = referral(data, "RSAB@redbridge.gov.uk", "Lee", "Walkpair", "04/04/1960",
                "A fall at home.");
        referral(data, PageTestData.ONEPANEL, "Lee", "Walkpair", "04/04/1960", "A fall at a day centre.");
        ReferralReference weakFirst = formReferral(data, PageTestData.ONEPANEL, FamilyForms.form("Sol", "Walkweak",
                "05/05/1955", "", "2 High Road, Ilford IG1 1AA", "Neglect by a carer.", FamilyForms.NOBODY,
                FamilyForms.NOBODY));
        formReferral(data, "RSAB@redbridge.gov.uk", FamilyForms.form("Sol", "Walkweak", "", "", "",
                "Neglect by a carer, reported again.", FamilyForms.NOBODY, FamilyForms.NOBODY));
        decideLink(twiceFirst, twiceAgain, "CONFIRMED", "The same person: both teams know her");
        decideLink(pairFirst, null, "REJECTED", "Two different people of the same name");
        references.addAll(List.of(victim.toString(), son.toString(), twiceFirst.toString(), pairFirst.toString(),
                weakFirst.toString()));
        MeetingsTestSupport.readyForPanel(referrals, meetings, son);

        // issue 11's exceptions: forms about two people in one email, a message too complex to read, a storm of
        // acknowledgements held back by the loop guard (its limit is 5 an hour in this test)
        String twoPeople = PageTestData.uniqueSender();
        data.deliver(TestMail.create().from(twoPeople).to(PageTestData.ONEPANEL).subject("Two referrals")
                .text("Please find two referrals attached.")
                .attach("referral-1.docx", uk.gov.redbridge.onepanel.testing.Documents.DOCX,
                        uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments.officialTables(
                                uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.of(0,
                                        uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording.OFFICIAL,
                                        uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle.DMY)))
                .attach("referral-2.docx", uk.gov.redbridge.onepanel.testing.Documents.DOCX,
                        uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments.officialTables(
                                uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.of(1,
                                        uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording.OFFICIAL,
                                        uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle.DMY)))
                .bytes(), PageTestData.ONEPANEL);
        exceptions.add(exceptionFrom(twoPeople).id().toString());
        String nested = PageTestData.uniqueSender();
        data.deliver(deeplyNested(nested, 30), PageTestData.ONEPANEL);
        exceptions.add(exceptionFrom(nested).id().toString());
        String storm = PageTestData.uniqueSender();
        for (int i = 0; i < 6; i++) {
            data.deliver(TestMail.create().from(storm).to(PageTestData.ONEPANEL).subject("Referral " + i)
                    .text(TestMail.bodyReferral("Storm" + (char) ('a' + i), "Walkstorm", "01/01/1950", "Self-neglect.",
                            "020 7946 0001")).bytes(), PageTestData.ONEPANEL);
        }
        Quiescence.await(jdbc);
        exceptions.add(queue.open(10_000).stream().filter(e -> e.reason()
                == uk.gov.redbridge.onepanel.exceptions.ExceptionReason.LOOP_GUARD).findFirst().orElseThrow()
                .id().toString());

        // a user name locked by failed sign-ins, for the secretariat's sign-in locks page
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", "walk.locked").param("password", "not-the-password")
                    .with(csrf()).with(r -> {
                        r.setRemoteAddr("192.0.2.13");
                        return r;
                    }));
        }

        // the states the walk means to see are there
        assertThat(links.of(twiceFirst, LinkViewer.PANEL).hasConfirmedSamePerson()).isTrue();
        assertThat(links.of(pairFirst, LinkViewer.PANEL).rejected()).isNotEmpty();
        assertThat(links.of(weakFirst, LinkViewer.PANEL).suggestions()).isNotEmpty();
        assertThat(links.of(son, LinkViewer.PANEL).toCheck()).isNotEmpty();
        assertThat(queue.open(10_000).stream().map(ExceptionItem::reason).toList()).contains(
                uk.gov.redbridge.onepanel.exceptions.ExceptionReason.SEVERAL_PEOPLE,
                uk.gov.redbridge.onepanel.exceptions.ExceptionReason.TOO_COMPLEX);
        assertThat(mvc.perform(get("/sign-in-locks").with(SECRETARIAT)).andReturn().getResponse()
                .getContentAsString()).contains("walk.locked");

        Meeting past = meetings.addMeeting(LocalDate.now().minusDays(5), LocalTime.of(10, 0), "Room 1", "wren");
        Meeting cancelled = meetings.addMeeting(LocalDate.now().plusDays(90), LocalTime.of(14, 30), "Room 2", "wren");
        meetings.cancel(cancelled.id(), "No referrals to discuss", "wren.secretariat");
        Quiescence.await(jdbc);

        values.put("reference", references);
        values.put("exception", exceptions);
        List<String> meetingIds = new ArrayList<>();
        Map<String, List<String>> items = new LinkedHashMap<>();
        for (Meeting m : meetings.meetings()) {
            meetingIds.add(m.id().toString());
            items.put(m.id().toString(), meetings.agenda(m.id()).stream().map(i -> i.id().toString()).toList());
        }
        values.put("meeting", meetingIds);
        this.items = items;
        this.withRequests = received.toString();
        assertThat(List.of(past.id(), cancelled.id())).isNotEmpty();
    }

    Map<String, List<String>> items;
    String withRequests;

    private ReferralReference referral(PageTestData data, String to, String first, String last, String dob,
            String reason) {
        return referral(data, to, first, last, dob, reason, PageTestData.uniqueSender());
    }

    private ReferralReference referral(PageTestData data, String to, String first, String last, String dob,
            String reason, String sender) {
        data.deliver(TestMail.create().from(sender).to(to).subject("One Panel referral")
                .text(TestMail.bodyReferral(first, last, dob, reason, "020 7946 0001")).bytes(), to);
        return ReferralReference.parse(jdbc.sql("SELECT reference FROM referral WHERE sender_address = :s")
                .param("s", sender).query(String.class).single());
    }

    private ReferralReference formReferral(PageTestData data, String to, byte[] form) {
        String sender = PageTestData.uniqueSender();
        data.deliver(FamilyForms.email(sender, to, form), to);
        return ReferralReference.parse(jdbc.sql("SELECT reference FROM referral WHERE sender_address = :s")
                .param("s", sender).query(String.class).single());
    }

    /** Confirms or rejects, through the case page, the link of one referral (with another, or its only one). */
    private void decideLink(ReferralReference from, ReferralReference to, String decision, String reason)
            throws Exception {
        ReferralLink link = links.of(from, LinkViewer.PANEL).links().stream()
                .filter(l -> to == null || l.other().equals(to)).findFirst().orElseThrow();
        mvc.perform(post("/referrals/" + from + "/links/" + link.id()).param("decision", decision)
                .param("reason", reason).with(SECRETARIAT).with(csrf()));
    }

    private ExceptionItem exceptionFrom(String sender) {
        return queue.open(10_000).stream().filter(e -> e.messageId() != null).filter(e -> jdbc.sql(
                "SELECT COUNT(*) FROM inbound_message WHERE id = :id AND sender LIKE :s").param("id", e.messageId().value())
                .param("s", "%" + sender + "%").query(Integer.class).single() > 0).findFirst().orElseThrow();
    }

    /** A form nested deeper than the service reads (issue 11): nothing readable within the limits. */
    private static byte[] deeplyNested(String sender, int depth) {
        StringBuilder sb = new StringBuilder("From: " + sender + "\r\nTo: " + PageTestData.ONEPANEL
                + "\r\nSubject: Referral, nested\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\n\r\nFirst name: Alex\r\nLast name: Walknested\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private ExceptionItem heldReply(PageTestData data, ReferralReference reference, String agency) {
        String sender = "duty.desk." + UUID.randomUUID().toString().substring(0, 6) + "@unlisted.example";
        data.deliver(TestMail.create().from(sender).to(PageTestData.ONEPANEL)
                .subject("RE: [" + reference + "/" + agency + "] Screening request").text("Our return is attached.")
                .attach("return.txt", "text/plain", "Chronology.".getBytes(StandardCharsets.UTF_8)).bytes(),
                PageTestData.ONEPANEL);
        return queue.open(10_000).stream().filter(e -> e.messageId() != null).filter(e -> jdbc.sql(
                "SELECT COUNT(*) FROM inbound_message WHERE id = :id AND sender LIKE :s").param("id", e.messageId().value())
                .param("s", "%" + sender + "%").query(Integer.class).single() > 0).findFirst().orElseThrow();
    }

    // the walk

    /** Every page a person can open (GET, HTML), with the data's ids in its address. */
    private List<String> urls(Map<String, Integer> pagesPerRoute) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (!info.getMethodsCondition().getMethods().isEmpty()
                    && !info.getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/error") || pattern.startsWith("/actuator")
                        || pattern.contains("/documents/") || pattern.contains("/attachments/")
                        || pattern.contains("export") || pattern.endsWith("/pack") || pattern.endsWith("/papers")
                        || pattern.contains("charts") || pattern.endsWith("/progress") || pattern.contains(".")
                        || pattern.equals("/login")) {
                    continue;
                }
                pagesPerRoute.putIfAbsent(pattern, 0);
                out.addAll(expand(pattern));
            }
        }
        return new ArrayList<>(out);
    }

    private List<String> expand(String pattern) {
        List<String> urls = new ArrayList<>();
        if (pattern.startsWith("/referrals/{reference}/requests/{agency}")) {
            for (InformationRequest r : requests.forReferral(ReferralReference.parse(withRequests))) {
                urls.add(pattern.replace("{reference}", withRequests).replace("{agency}", r.agencyCode()));
            }
        } else if (pattern.contains("{reference}")) {
            values.get("reference").forEach(r -> urls.add(pattern.replace("{reference}", r)));
        } else if (pattern.startsWith("/exceptions/{id}")) {
            values.get("exception").forEach(id -> urls.add(pattern.replace("{id}", id)));
        } else if (pattern.startsWith("/meetings/{id}") && pattern.contains("{item}")) {
            items.forEach((m, list) -> list.forEach(i -> urls.add(pattern.replace("{id}", m).replace("{item}", i))));
        } else if (pattern.startsWith("/meetings/{id}")) {
            values.get("meeting").forEach(m -> urls.add(pattern.replace("{id}", m)));
        } else if (!pattern.contains("{")) {
            urls.add(pattern);
        }
        return urls;
    }

    private String pattern(String url) {
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (new org.springframework.util.AntPathMatcher().match(pattern.replaceAll("\\{[^}]+}", "*"), url)
                        && (pattern.contains("{") || pattern.equals(url))) {
                    return pattern;
                }
            }
        }
        return url;
    }

    private byte[] download(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(SECRETARIAT)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsByteArray();
    }

    private static String xlsxText(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        sb.append(cell.toString()).append(" | ");
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    static final HttpMethod GET = HttpMethod.GET;
}
