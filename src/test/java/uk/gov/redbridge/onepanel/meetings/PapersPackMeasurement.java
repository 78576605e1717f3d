package uk.gov.redbridge.onepanel.meetings;

import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.papers.PackDraft;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.Documents;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * Not a test (not run by {@code mvn test}): how long a realistic meeting's pack takes to build and how big it is. Six
 * referrals, each with every agency's return by mail: a 4-page PDF chronology, a Word report with a table, or a
 * scanned page as a PNG, plus each reply's text. Run with {@code mvn -o test -Dtest=PapersPackMeasurement}; the
 * figures are printed.
 */
@SpringBootTest(properties = {"onepanel.requests.hold=PT0S", "onepanel.meetings.papers-check-interval=PT24H"})
@ActiveProfiles("test")
class PapersPackMeasurement {

    @Autowired
    MailAccounts accounts;
    @Autowired
    ReferralLog referrals;
    @Autowired
    InformationRequests requests;
    @Autowired
    PanelMeetings meetings;
    @Autowired
    Papers papers;
    @Autowired
    WorkingDays workingDays;

    @Test
    void measureAMeetingsPack() throws IOException {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        MailServerClient mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
        byte[] chronology = pdfPages(4);
        byte[] report = report();
        byte[] scan = scan();
        List<ReferralReference> refs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String last = "Measure" + (char) ('a' + i);
            mail.deliver(TestMail.create().from("Pat Example <pat.example@nhs-trust.example>")
                    .to(i % 2 == 0 ? "RSAB@redbridge.gov.uk" : "RedbridgeOnePanel@redbridge.gov.uk")
                    .subject("One Panel referral").text(TestMail.bodyReferral("Sam", last, "02/05/1961",
                            "Self-neglect and falls", "pat.example@nhs-trust.example")).bytes(),
                    i % 2 == 0 ? "RSAB@redbridge.gov.uk" : "RedbridgeOnePanel@redbridge.gov.uk");
            accounts.pollNow();
            refs.add(await().atMost(Duration.ofSeconds(60)).until(() -> referrals.latest(50).stream()
                    .filter(r -> last.equals(r.subject().lastName())).findFirst(), Optional::isPresent)
                    .orElseThrow().reference());
        }
        int returns = 0;
        for (ReferralReference ref : refs) {
            List<InformationRequest> sent = await().atMost(Duration.ofSeconds(60)).until(() ->
                    requests.forReferral(ref), l -> !l.isEmpty() && l.stream().allMatch(r -> r.status()
                            == RequestStatus.SENT));
            int n = 0;
            for (InformationRequest r : sent) {
                TestMail reply = TestMail.create().from("Safeguarding Lead <lead@" + domainOf(r) + ">")
                        .to(r.replyAddress()).subject("RE: return").text("Our return is attached.");
                switch (n++ % 3) {
                    case 0 -> reply.attach("chronology.pdf", Documents.PDF, chronology);
                    case 1 -> reply.attach("single agency report.docx", Documents.DOCX, report);
                    default -> reply.attach("scanned page.png", "image/png", scan);
                }
                mail.deliver(reply.bytes(), r.replyAddress());
                returns++;
            }
            accounts.pollNow();
        }
        for (ReferralReference ref : refs) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                accounts.pollNow();
                return requests.forReferral(ref).stream().allMatch(r -> r.status().answered());
            });
            referrals.changeStatus(ref, ReferralStatus.READY_FOR_PANEL, "secretariat", "measurement");
        }
        Meeting meeting = meetings.addMeeting(workingDays.addWorkingDays(workingDays.today(), 80), LocalTime.of(10, 0),
                null, "secretariat");
        for (ReferralReference ref : refs) {
            meetings.meetings().forEach(m -> meetings.agenda(m.id()).stream().filter(i -> ref.equals(i.referral()))
                    .forEach(i -> meetings.removeItem(i.id(), "secretariat")));
            meetings.addItem(meeting.id(), ref, null, null, "secretariat");
        }
        List<uk.gov.redbridge.onepanel.papers.AgendaLine> lines = meetings.agenda(meeting.id()).stream()
                .map(i -> new uk.gov.redbridge.onepanel.papers.AgendaLine(i.number(), i.title(), i.detail(),
                        i.referral())).toList();
        var request = new uk.gov.redbridge.onepanel.papers.PackRequest(meeting.id().value(), "One Panel meeting",
                meeting.date(), meeting.papersDeadline(), List.of(), lines);
        long start = System.nanoTime();
        PackDraft draft = papers.draftPack(request);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        papers.draftPack(request);
        long secondMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%nPACK MEASUREMENT: %d referrals, %d agency returns (%d documents in the contents), "
                + "%d pages, %.1f MB; built in %d ms (first, cold) and %d ms (second); %d not converted%n%n",
                refs.size(), returns, draft.contents().size(), draft.pages(), draft.pdf().length / 1048576.0,
                firstMs, secondMs, draft.notConverted().size());
    }

    private static String domainOf(InformationRequest r) {
        String to = r.to().get(0);
        return to.substring(to.indexOf('@') + 1);
    }

    private static byte[] pdfPages(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    c.newLineAtOffset(60, 740);
                    for (int line = 0; line < 50; line++) {
                        c.showText("Chronology entry " + p + "." + line + ": home visit, contact recorded, plan reviewed.");
                        c.newLineAtOffset(0, -14);
                    }
                    c.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] report() throws IOException {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 12; i++) {
                d.createParagraph().createRun().setText("Analysis paragraph " + i + ": what happened, and why, in the "
                        + "agency's own words, with the practice issues it identifies and the learning it draws.");
            }
            XWPFTable t = d.createTable(30, 3);
            for (int r = 0; r < 30; r++) {
                t.getRow(r).getCell(0).setText("0" + (r % 9 + 1) + "/02/2026");
                t.getRow(r).getCell(1).setText("Contact " + r);
                t.getRow(r).getCell(2).setText("Outcome of contact " + r + " and the action taken");
            }
            d.write(out);
            return out.toByteArray();
        }
    }

    /** A grey A4 page at 150 dpi with some lines on it, as a scanner makes them. */
    private static byte[] scan() throws IOException {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1240, 1754);
        g.setColor(Color.DARK_GRAY);
        for (int y = 120; y < 1650; y += 36) {
            g.drawString("Handwritten note line " + y + ": seen at clinic, advice given, follow-up booked", 100, y);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
