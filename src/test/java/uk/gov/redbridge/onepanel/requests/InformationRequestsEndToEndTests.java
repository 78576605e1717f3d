package uk.gov.redbridge.onepanel.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.ONEPANEL;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.PATIENCE;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.RSAB;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.SECRETARIAT;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.awaitMail;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.mailAbout;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.Documents;
import uk.gov.redbridge.onepanel.requests.RequestsTestSupport.Received;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.SettableClock;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.testing.TnefFile;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * Information requests end to end: referrals and agency replies sent by SMTP to the embedded mail server, the
 * mailboxes checked by calling the poller, what the service sent read back over IMAP, and a clock the test moves
 * forward instead of waiting. Requests go without a hold here (onepanel.requests.hold=PT0S).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onepanel.requests.hold=PT0S"})
@ActiveProfiles("test")
@Import(InformationRequestsEndToEndTests.Clocks.class)
class InformationRequestsEndToEndTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return SettableClock.nextWednesdayMorning();
        }
    }

    @Autowired
    SettableClock clock;
    @Autowired
    MailAccounts accounts;
    @Autowired
    ReferralLog referrals;
    @Autowired
    InformationRequests requests;
    @Autowired
    AgencyDirectory directory;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ExceptionsQueue exceptions;
    @Autowired
    Correspondence correspondence;
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
    void everyAgencyOfThePathwayGetsExactlyOneRequestWithItsTokenReplyAddressAndReturnForm() {
        ReferralReference ref = referral(RSAB, "Ada", "Ottoline", "Self-neglect and falls at home");
        List<Agency> agencies = directory.receivingRequestsFor(Pathway.ADULTS_SAR);
        LocalDate today = workingDays.today();

        List<InformationRequest> sent = await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> l.size() == agencies.size() && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));
        assertThat(sent).extracting(InformationRequest::agencyCode)
                .containsExactlyInAnyOrderElementsOf(agencies.stream().map(Agency::code).toList());
        for (InformationRequest r : sent) {
            assertThat(r.deadline()).isEqualTo(workingDays.deadline(today, 10));
            assertThat(r.replyAddress()).isEqualTo("RSAB+" + ref.toString().toLowerCase() + "-"
                    + r.agencyCode().toLowerCase() + "@redbridge.gov.uk");
        }
        for (Agency agency : agencies) {
            String address = agency.requestAddressesFor(Pathway.ADULTS_SAR).get(0);
            List<Received> got = awaitMail(mail, address, ref.toString(), 1);
            assertThat(got).as(agency.code()).hasSize(1);
            Received request = got.get(0);
            assertThat(request.subject()).startsWith("[" + ref + "/" + agency.code() + "]")
                    .doesNotContain("Ada").doesNotContain("Ottoline").doesNotContain("1961");
            assertThat(request.parsed().header("Reply-To")).isEqualTo(
                    requests.find(ref, agency.code()).orElseThrow().replyAddress());
            assertThat(request.parsed().attachments()).extracting(a -> a.fileName())
                    .containsExactly(ref + "-" + agency.code() + "-return.docx");
            assertThat(request.text()).contains(ref.toString(), "A.O.").doesNotContain("Ottoline");
            assertThat(correspondence.findByMessageId(request.messageId())).get()
                    .extracting(OutboundMail::correlation).asString().startsWith("request:");
        }
        await().atMost(PATIENCE).until(() -> referrals.find(ref).orElseThrow().status() == ReferralStatus.SCREENING);

        JsonNode json = RequestsTestSupport.json(api.get().uri("/api/referrals/{ref}/requests", ref).retrieve()
                .body(String.class));
        assertThat(json.get("requests")).hasSize(agencies.size());
        JsonNode first = json.get("requests").get(0);
        assertThat(first.get("status").asString()).isEqualTo("SENT");
        assertThat(first.get("due").asString()).isEqualTo(workingDays.deadline(today, 10).due().toString());
        assertThat(first.get("deadline").get("convention").asString()).isEqualTo("day 1 is the first working day after " + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
    }

    @Test
    void aChildrensReferralGetsFiveWorkingDayRequestsAndTheRapidReviewMilestones() {
        ReferralReference ref = referral("RedbridgeSCP@redbridge.gov.uk", "Bo", "Quintrell",
                "Serious injury to an infant");
        int agencies = directory.receivingRequestsFor(Pathway.CHILDREN_CSPR).size();
        LocalDate received = workingDays.today();

        List<InformationRequest> sent = await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> l.size() == agencies && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));

        assertThat(sent).allSatisfy(r -> assertThat(r.deadline().workingDays()).isEqualTo(5));
        assertThat(sent).allSatisfy(r -> assertThat(r.mailbox()).isEqualTo("rscp"));
        assertThat(requests.milestones(ref)).extracting(Milestone::kind, m -> m.deadline().due())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("national-panel-notification",
                                workingDays.addWorkingDays(received, 5)),
                        org.assertj.core.groups.Tuple.tuple("rapid-review-report",
                                workingDays.addWorkingDays(received, 15)));
        Received nelft = awaitMail(mail, "safeguarding.children@nelft.example", ref.toString(), 1).get(0);
        assertThat(nelft.subject()).contains("Information Sharing Template");
    }

    @Test
    void agencyRepliesInEveryShapeEndAsReturnsOrSpecificExceptions() {
        ReferralReference ref = referral(RSAB, "Cy", "Pemberton", "Died in a care home after pressure sores");
        int agencies = directory.receivingRequestsFor(Pathway.ADULTS_SAR).size();
        await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> l.size() == agencies && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));
        Received toNelft = requestTo("safeguarding.adults@nelft.example", ref);
        Received toMps = requestTo("ea.partnerships@mps.example", ref);
        Received toBhrut = requestTo("safeguarding.adults@bhrut.example", ref);
        Received toAsc = requestTo("adults.safeguarding@redbridge.example", ref);
        Received toNps = requestTo("redbridge.probation@probation.example", ref);
        Received toRefuge = requestTo("redbridge.vawg@refuge.example", ref);
        Received toCsc = requestTo("childrens.safeguarding@redbridge.example", ref);
        byte[] nelftReturn = Documents.docx("NELFT return: known to the community nursing team since 2019");
        byte[] chronology = Documents.docx("Probation chronology");
        byte[] letter = Documents.pdf("Probation letter");

        // top-posted, quoting the whole original in Outlook's style, threaded, to the reply address
        send(replyTo(toNelft, "Named Nurse <named.nurse@nelft.nhs.uk>")
                .text("Please find our return attached.\n\nRegards\nNamed Nurse\n\n-----Original Message-----\n"
                        + "From: RSAB <RSAB@redbridge.gov.uk>\nSent: Wednesday\nSubject: " + toNelft.subject()
                        + "\n\n" + toNelft.text())
                .attach("NELFT return.docx", Documents.DOCX, nelftReturn));
        // bottom-posted under the quoted original: not known
        send(replyTo(toMps, "Partnerships Desk <partnerships@met.police.uk>")
                .text("On Wed, RSAB <RSAB@redbridge.gov.uk> wrote:\n" + quoted(toMps.text())
                        + "\n\nThis person is not known to the East Area BCU.\n"));
        // forwarded by a colleague, as an attachment, to the panel address: no threading, the token survives
        byte[] inner = TestMail.create().from("Lead Nurse <lead.nurse@bhrhospitals.nhs.uk>")
                .to("someone.else@bhrhospitals.nhs.uk").subject("RE: " + toBhrut.subject())
                .text("Our return attached.").attach("BHRUT return.pdf", Documents.PDF, Documents.pdf("BHRUT"))
                .bytes();
        send(TestMail.create().from("Admin <admin@bhrhospitals.nhs.uk>").to(RSAB)
                .subject("FW: RE: " + toBhrut.subject()).text("Forwarding our lead nurse's reply.")
                .attachMessage(inner));
        // another person at the same agency, a fresh email naming the referral but not the agency
        send(TestMail.create().from("Another Person <another.person@bartshealth.nhs.uk>").to(RSAB)
                .subject("Barts Health information for " + ref).text("Attached as requested.")
                .attach("Barts chronology.docx", Documents.DOCX, Documents.docx("Barts")));
        // the subject rewritten and no threading headers, but sent to the request's own reply address
        send(TestMail.create().from("ASC Officer <asc.officer@redbridge.gov.uk>")
                .to(toAsc.parsed().header("Reply-To")).subject("Our information for the panel")
                .text("Please see attached.").attach("ASC.docx", Documents.DOCX, Documents.docx("ASC")));
        // Outlook's winmail.dat
        send(replyTo(toNps, "Probation Officer <probation.officer@justice.gov.uk>")
                .text("Return attached.").attach("winmail.dat", "application/ms-tnef",
                        TnefFile.create().file("Chronology.docx", chronology).file("Letter.pdf", letter).bytes())
                );
        // a domain not in the directory
        send(replyTo(toRefuge, "Refuge Worker <refuge.worker@gmail.example>").text("Here is our return.")
                .attach("Refuge.docx", Documents.DOCX, Documents.docx("Refuge")));
        // nhs.net is shared by four agencies: the sender and the reference alone cannot tell which
        send(TestMail.create().from("Designated Nurse <designated.nurse@nhs.net>").to(RSAB)
                .subject("Information for " + ref).text("Attached.")
                .attach("ICS.docx", Documents.DOCX, Documents.docx("ICS")));
        // an out-of-office reply
        send(replyTo(toCsc, "Children's Safeguarding <childrens.safeguarding@redbridge.example>")
                .subject("Automatic reply: " + toCsc.subject()).header("Auto-Submitted", "auto-replied")
                .text("I am out of the office until Monday."));
        accounts.pollNow();

        await().atMost(PATIENCE).until(() -> statuses(ref).get("NPS") == RequestStatus.RETURNED
                && statuses(ref).get("BARTS") == RequestStatus.RETURNED
                && statuses(ref).get("BHRUT") == RequestStatus.RETURNED
                && openExceptions(ref).size() >= 2 && !requests.replies(request(ref, "LBR-CSC").id()).isEmpty());

        Map<String, RequestStatus> statuses = statuses(ref);
        assertThat(statuses).containsEntry("NELFT", RequestStatus.RETURNED).containsEntry("MPS", RequestStatus.NOT_KNOWN)
                .containsEntry("BHRUT", RequestStatus.RETURNED).containsEntry("BARTS", RequestStatus.RETURNED)
                .containsEntry("LBR-ASC", RequestStatus.RETURNED).containsEntry("NPS", RequestStatus.RETURNED)
                .containsEntry("REFUGE", RequestStatus.SENT).containsEntry("NEL-ICS", RequestStatus.SENT)
                .containsEntry("LBR-CSC", RequestStatus.SENT);
        assertThat(request(ref, "NELFT").matchedBy()).isEqualTo(MatchRule.THREADING);
        assertThat(request(ref, "MPS").matchedBy()).isEqualTo(MatchRule.THREADING);
        assertThat(request(ref, "BHRUT").matchedBy()).isEqualTo(MatchRule.SUBJECT_TOKEN);
        assertThat(request(ref, "BARTS").matchedBy()).isEqualTo(MatchRule.SENDER_AND_REFERENCE);
        assertThat(request(ref, "LBR-ASC").matchedBy()).isEqualTo(MatchRule.REPLY_ADDRESS);
        assertThat(fileNames(ref, "NELFT")).containsExactlyInAnyOrder("reply.txt", "NELFT return.docx");
        assertThat(fileNames(ref, "BHRUT")).contains("BHRUT return.pdf", "forwarded-message-1.txt");
        assertThat(fileNames(ref, "NPS")).containsExactlyInAnyOrder("reply.txt", "Chronology.docx", "Letter.pdf");
        assertThat(requests.replies(request(ref, "MPS").id())).singleElement()
                .satisfies(r -> assertThat(r.note()).contains("not known to"));
        assertThat(requests.replies(request(ref, "LBR-CSC").id())).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(AgencyReply.Kind.AUTO_REPLY));

        // the documents come back byte for byte, through the API too
        InformationRequest nps = request(ref, "NPS");
        ReturnDocument chronologyDoc = requests.documents(nps.id()).stream()
                .filter(d -> d.fileName().equals("Chronology.docx")).findFirst().orElseThrow();
        assertThat(chronologyDoc.contentType()).isEqualTo(Documents.DOCX);
        byte[] downloaded = api.get().uri("/api/referrals/{ref}/requests/NPS/documents/{id}", ref, chronologyDoc.id())
                .retrieve().body(byte[].class);
        assertThat(downloaded).isEqualTo(chronology);

        // the held and the ambiguous replies are specific exceptions; the secretariat attaches them
        Map<String, ExceptionItem> byReason = openExceptions(ref).stream()
                .collect(Collectors.toMap(e -> e.reason().code(), e -> e));
        assertThat(byReason).containsKeys("reply_from_unknown_domain", "ambiguous_reply");
        assertThat(byReason.get("reply_from_unknown_domain").explanation()).contains("gmail.example")
                .doesNotContain("refuge.worker");
        attach(byReason.get("reply_from_unknown_domain"), ref, "REFUGE");
        attach(byReason.get("ambiguous_reply"), ref, "NEL-ICS");
        assertThat(statuses(ref)).containsEntry("REFUGE", RequestStatus.RETURNED)
                .containsEntry("NEL-ICS", RequestStatus.RETURNED);
        assertThat(request(ref, "REFUGE").matchedBy()).isEqualTo(MatchRule.BY_HAND);
        assertThat(exceptions.find(byReason.get("ambiguous_reply").id())).get()
                .satisfies(e -> assertThat(e.resolvedBy()).isEqualTo(RequestsTestSupport.API_USER))
                .satisfies(e -> assertThat(e.resolution()).isEqualTo("attached_to_request"));

        // a further reply to an answered request, an hour later, is kept with it and shown to the secretariat
        clock.set(clock.instant().plusSeconds(3600));
        send(replyTo(toNelft, "Named Nurse <named.nurse@nelft.nhs.uk>").text("Also our chronology.")
                .attach("NELFT chronology.docx", Documents.DOCX, Documents.docx("more")));
        accounts.pollNow();
        await().atMost(PATIENCE).until(() -> openExceptions(ref).stream()
                .anyMatch(e -> e.reason().code().equals("reply_to_closed_request")));
        assertThat(request(ref, "NELFT").status()).isEqualTo(RequestStatus.RETURNED);
        assertThat(fileNames(ref, "NELFT")).contains("NELFT chronology.docx");
        assertThat(requests.replies(request(ref, "NELFT").id())).extracting(AgencyReply::kind)
                .containsExactly(AgencyReply.Kind.RETURN, AgencyReply.Kind.FURTHER_REPLY);

        // nothing else went to the exceptions queue, and the referral is still screening (five agencies to answer)
        assertThat(openExceptions(ref)).extracting(e -> e.reason().code())
                .containsExactly("reply_to_closed_request");
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.SCREENING);
        assertThat(referrals.timeline(referrals.find(ref).orElseThrow().id()))
                .filteredOn(t -> t.kind().equals("AGENCY_REPLY")).hasSize(9);
    }

    @Test
    void whenRulesDisagreeTheStrongestDecides() {
        ReferralReference ref = referral(RSAB, "Hal", "Ivanova", "Exploitation by a lodger");
        int agencies = directory.receivingRequestsFor(Pathway.ADULTS_SAR).size();
        await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> l.size() == agencies && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));
        Received toNelft = requestTo("safeguarding.adults@nelft.example", ref);
        Received toPh = requestTo("public.health@redbridge.example", ref);

        // threaded onto NELFT's request, sent to MPS's address, with BHRUT's token: NELFT's, by threading
        send(TestMail.create().from("Named Nurse <named.nurse@nelft.nhs.uk>")
                .to(request(ref, "MPS").replyAddress()).subject("RE: [" + ref + "/BHRUT] mixed up")
                .header("In-Reply-To", toNelft.messageId()).text("Return attached.")
                .attach("r.docx", Documents.DOCX, Documents.docx("NELFT")));
        // to Public Health's address with the Community Safety token: Public Health's, by the reply address
        send(TestMail.create().from("PH Lead <ph.lead@redbridge.gov.uk>").to(toPh.parsed().header("Reply-To"))
                .subject("[" + ref + "/CSP] answer").text("Attached.")
                .attach("p.docx", Documents.DOCX, Documents.docx("PH")));
        accounts.pollNow();

        await().atMost(PATIENCE).until(() -> request(ref, "NELFT").status() == RequestStatus.RETURNED
                && request(ref, "LBR-PH").status() == RequestStatus.RETURNED);
        assertThat(request(ref, "NELFT").matchedBy()).isEqualTo(MatchRule.THREADING);
        assertThat(request(ref, "LBR-PH").matchedBy()).isEqualTo(MatchRule.REPLY_ADDRESS);
        assertThat(statuses(ref)).containsEntry("MPS", RequestStatus.SENT).containsEntry("BHRUT", RequestStatus.SENT)
                .containsEntry("CSP", RequestStatus.SENT);
    }

    @Test
    void remindersThenOverdueThenOneEscalationEachGoOnceAndADowntimeCatchesUp() {
        ReferralReference ref = referral(RSAB, "Di", "Featherstonehaugh", "Financial abuse and neglect");
        int agencies = directory.receivingRequestsFor(Pathway.ADULTS_SAR).size();
        List<InformationRequest> sent = await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> l.size() == agencies && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));
        LocalDate due = sent.get(0).deadline().due();
        Received toNelft = requestTo("safeguarding.adults@nelft.example", ref);
        send(replyTo(toNelft, "Named Nurse <named.nurse@nelft.nhs.uk>").text("Return attached.")
                .attach("r.docx", Documents.DOCX, Documents.docx("NELFT")));
        accounts.pollNow();
        await().atMost(PATIENCE).until(() -> request(ref, "NELFT").status() == RequestStatus.RETURNED);

        // the working day before the due date: the first reminder, to every agency still to answer
        clock.moveTo(workingDays.previousWorkingDay(due), LocalTime.of(7, 0));
        assertThat(requests.runDeadlineCheck()).get().satisfies(c -> assertThat(c.remindersSent()).isPositive());
        assertThat(requests.runDeadlineCheck()).get().satisfies(c -> assertThat(c.remindersSent()).isZero());
        awaitAllSent(ref);
        assertThat(reminderCounts(ref)).containsEntry("NELFT", 0L).containsEntry("MPS", 1L);
        assertThat(statuses(ref)).containsEntry("MPS", RequestStatus.REMINDED);
        Received reminder = mailAbout(mail, "ea.partnerships@mps.example", "Reminder").stream()
                .filter(m -> m.subject().contains(ref.toString())).findFirst().orElseThrow();
        assertThat(reminder.subject()).isEqualTo("[" + ref + "/MPS] Reminder: information request due tomorrow"
                .replace("tomorrow", due.equals(workingDays.previousWorkingDay(due).plusDays(1)) ? "tomorrow"
                        : "on " + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)
                                .format(due)));
        assertThat(reminder.inReplyTo()).isEqualTo(requestTo("ea.partnerships@mps.example", ref).messageId());

        // the due date: the second reminder
        clock.moveTo(due, LocalTime.of(7, 0));
        requests.runDeadlineCheck();
        awaitAllSent(ref);
        assertThat(reminderCounts(ref)).containsEntry("MPS", 2L).containsEntry("NELFT", 0L);

        // the service is off from the due date until three working days after it, then runs twice
        LocalDate back = workingDays.addWorkingDays(due, 3);
        clock.moveTo(back, LocalTime.of(8, 0));
        assertThat(requests.runDeadlineCheck()).get().satisfies(c -> {
            // every referral of the earlier tests is overdue too: these counts cover them all
            assertThat(c.markedOverdue()).isGreaterThanOrEqualTo(agencies - 1);
            assertThat(c.escalated()).isGreaterThanOrEqualTo(agencies - 1);
            assertThat(c.remindersSent()).isZero();
        });
        assertThat(requests.runDeadlineCheck()).get().satisfies(c -> {
            assertThat(c.markedOverdue()).isZero();
            assertThat(c.escalated()).isZero();
            assertThat(c.digestSent()).isFalse();
        });
        awaitAllSent(ref);

        assertThat(statuses(ref).values()).containsOnly(RequestStatus.RETURNED, RequestStatus.ESCALATED);
        for (InformationRequest r : requests.forReferral(ref)) {
            List<String> kinds = requests.actions(r.id()).stream().map(RequestAction::kind).toList();
            assertThat(kinds).as(r.agencyCode()).isEqualTo(r.agencyCode().equals("NELFT") ? List.of()
                    : List.of("reminder:-1", "reminder:0", "overdue", "escalation"));
        }
        List<Received> overdue = awaitMail(mail, "ea.partnerships@mps.example", "[" + ref + "/MPS] Overdue", 1);
        assertThat(overdue).hasSize(1);
        assertThat(reminderCounts(ref)).containsEntry("MPS", 2L);
        List<Received> escalations = awaitMail(mail, SECRETARIAT, ref + " Information requests overdue", 1);
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).text()).contains("[" + ref + "/MPS]").doesNotContain("[" + ref + "/NELFT]")
                .doesNotContain("Featherstonehaugh");
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.READY_FOR_PANEL);
        InformationRequest mps = request(ref, "MPS");
        assertThat(requests.actions(mps.id())).extracting(RequestAction::kind, RequestAction::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reminder:-1", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("reminder:0", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("overdue", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("escalation", "SENT"));

        // the daily digest went once for the day, with counts and references only (the outbox sends it after every
        // referral's overdue notices, so it is waited for)
        String day = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK).format(back);
        List<Received> digests = awaitMail(mail, SECRETARIAT, "One Panel daily digest: " + day, 1);
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).text()).contains("Overdue requests: ", "[" + ref + "/MPS]", "Exceptions waiting")
                .doesNotContain("Featherstonehaugh");

        // a late return still counts
        Received toMps = requestTo("ea.partnerships@mps.example", ref);
        send(replyTo(toMps, "Partnerships Desk <partnerships@met.police.uk>").text("Sorry for the delay.")
                .attach("MPS.docx", Documents.DOCX, Documents.docx("MPS")));
        accounts.pollNow();
        await().atMost(PATIENCE).until(() -> request(ref, "MPS").status() == RequestStatus.RETURNED);
        assertThat(requests.replies(request(ref, "MPS").id())).singleElement()
                .satisfies(r -> assertThat(r.note()).contains("after the due date"));
    }

    @Test
    void aBouncedRequestIsFlaggedAndTheAgencyNamedInTheException() {
        ReferralReference ref = referral(RSAB, "Em", "Wraxall", "Neglect by a paid carer");
        await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> !l.isEmpty() && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));
        awaitAllSent(ref);
        InformationRequest housing = request(ref, "LBR-HOUSING");
        byte[] dsn = TestMail.deliveryFailureReport(RSAB, "housing.safeguarding@redbridge.example",
                housing.messageId(), "[" + ref + "/LBR-HOUSING] Screening request");
        mail.deliver(dsn, RSAB);
        accounts.pollNow();

        await().atMost(PATIENCE).until(() -> request(ref, "LBR-HOUSING").deliveryProblem() != null);
        assertThat(request(ref, "LBR-HOUSING").deliveryProblem()).contains("delivery failure report");
        assertThat(openExceptions(ref)).extracting(e -> e.reason().code()).contains("delivery_failure");
        assertThat(openExceptions(ref)).filteredOn(e -> e.reason().code().equals("delivery_failure")).singleElement()
                .satisfies(e -> assertThat(e.explanation()).contains("LB Redbridge Housing Service"));
        assertThat(request(ref, "LBR-HOUSING").status()).isEqualTo(RequestStatus.SENT);

        // the attach action refuses what it cannot do, and changes nothing
        ExceptionItem bounce = openExceptions(ref).stream().filter(e -> e.reason().code().equals("delivery_failure"))
                .findFirst().orElseThrow();
        assertThat(attachStatus(bounce, "{\"reference\": \"" + ref + "\", \"agency\": \"NO-SUCH\"}")).isEqualTo(404);
        assertThat(attachStatus(bounce, "{\"reference\": \"nonsense\", \"agency\": \"MPS\"}")).isEqualTo(400);
        assertThat(requests.removeAgency(ref, "MPS", "secretariat")).isTrue();
        assertThat(attachStatus(bounce, "{\"reference\": \"" + ref + "\", \"agency\": \"MPS\"}")).isEqualTo(409);
        assertThat(exceptions.find(bounce.id()).orElseThrow().status().name()).isEqualTo("OPEN");
        assertThat(requests.replies(request(ref, "MPS").id())).isEmpty();
    }

    private int attachStatus(ExceptionItem item, String body) {
        return api.post().uri("/api/exceptions/{id}/attach", item.id()).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange((request, response) -> response.getStatusCode().value());
    }

    @Test
    void aReferralWaitingForInformationGetsItsRequestsWhenTheReferrerSuppliesIt() {
        send(TestMail.create().from("Pat Example <" + RequestsTestSupport.REFERRER + ">").to(RSAB)
                .subject("One Panel referral")
                .text(TestMail.bodyReferral("Gil", "Hetherington", "02/05/1961", "Self-neglect", null)));
        accounts.pollNow();
        ReferralReference ref = await().atMost(PATIENCE).until(() -> referrals.latest(200).stream()
                .filter(r -> "Hetherington".equals(r.subject().lastName())).findFirst(), o -> o.isPresent())
                .orElseThrow().reference();
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.NEEDS_INFORMATION);
        Received acknowledgement = awaitMail(mail, RequestsTestSupport.REFERRER, ref.toString(), 1).get(0);
        assertThat(requests.forReferral(ref)).isEmpty();

        // the referrer answers the acknowledgement: the agency handler leaves it to the referral log
        send(TestMail.create().from("Pat Example <" + RequestsTestSupport.REFERRER + ">")
                .to(acknowledgement.parsed().header("Reply-To")).subject("RE: " + acknowledgement.subject())
                .header("In-Reply-To", acknowledgement.messageId())
                .text("Tel no. / email: " + RequestsTestSupport.REFERRER + "\n"));
        accounts.pollNow();

        int agencies = directory.receivingRequestsFor(Pathway.ADULTS_SAR).size();
        await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> l.size() == agencies && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));
        await().atMost(PATIENCE).until(() -> referrals.find(ref).orElseThrow().status() == ReferralStatus.SCREENING);
        assertThat(requests.forReferral(ref)).allSatisfy(r -> assertThat(requests.replies(r.id())).isEmpty());
    }

    // helpers

    private void send(TestMail message) {
        RequestsTestSupport.deliver(mail, message);
    }

    private ReferralReference referral(String to, String first, String last, String reason) {
        return RequestsTestSupport.referral(mail, accounts, referrals, to, first, last, reason);
    }

    private Received requestTo(String address, ReferralReference ref) {
        return awaitMail(mail, address, "[" + ref + "/", 1).stream()
                .filter(m -> m.inReplyTo() == null).findFirst().orElseThrow();
    }

    /** A reply as a mail client makes it: Re: subject, In-Reply-To and References, to the Reply-To address. */
    private static TestMail replyTo(Received original, String from) {
        return TestMail.create().from(from).to(original.parsed().header("Reply-To"))
                .subject("RE: " + original.subject()).header("In-Reply-To", original.messageId())
                .header("References", original.messageId());
    }

    private static String quoted(String text) {
        return text.lines().map(l -> "> " + l).collect(Collectors.joining("\n"));
    }

    private InformationRequest request(ReferralReference ref, String agency) {
        return requests.find(ref, agency).orElseThrow();
    }

    private Map<String, RequestStatus> statuses(ReferralReference ref) {
        Map<String, RequestStatus> out = new HashMap<>();
        requests.forReferral(ref).forEach(r -> out.put(r.agencyCode(), r.status()));
        return out;
    }

    private List<String> fileNames(ReferralReference ref, String agency) {
        return requests.documents(request(ref, agency).id()).stream().map(ReturnDocument::fileName).toList();
    }

    private List<ExceptionItem> openExceptions(ReferralReference ref) {
        return exceptions.open(1000).stream().filter(e -> ref.toString().equals(e.referralReference())).toList();
    }

    private void attach(ExceptionItem item, ReferralReference ref, String agency) {
        String body = api.post().uri("/api/exceptions/{id}/attach", item.id()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reference\": \"" + ref + "\", \"agency\": \"" + agency + "\"}").retrieve().body(String.class);
        assertThat(RequestsTestSupport.json(body).get("status").asString()).isEqualTo("RESOLVED");
    }

    /** Every outbox row of the referral has been handed to the mail server. */
    private void awaitAllSent(ReferralReference ref) {
        await().atMost(PATIENCE).until(() -> correspondence.forReferral(ref.toString()).stream()
                .allMatch(m -> m.state() == OutboundState.SENT));
    }

    /** Reminders per agency, counted from the outbox (what was sent, not what a mailbox shows). */
    private Map<String, Long> reminderCounts(ReferralReference ref) {
        Map<String, Long> out = new HashMap<>();
        for (InformationRequest r : requests.forReferral(ref)) {
            out.put(r.agencyCode(), correspondence.forReferral(ref.toString()).stream()
                    .filter(m -> m.template().equals("information-request-reminder"))
                    .filter(m -> ("request:" + r.id()).equals(m.correlation())).count());
        }
        return out;
    }
}
