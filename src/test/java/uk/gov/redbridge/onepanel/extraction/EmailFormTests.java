package uk.gov.redbridge.onepanel.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.redbridge.onepanel.extraction.fixtures.FormAssertions.assertReadsAll;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormEmails;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;

/** Finding the form in an email: attached, forwarded, typed into the message, or not there at all. */
class EmailFormTests {

    static final FormExtractor EXTRACTOR = TestExtractors.inProcess();
    static final SampleReferral SAMPLE = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void readsTheFormAttachedAndNotTheSignature() {
        byte[] mail = FormEmails.message("Appendix E referral")
                .text("Good afternoon,\n\nPlease find attached a referral.\n\nMany thanks\nA. Referrer\n"
                        + "Tel: 020 7946 0999\nFirst name: Notapart\n")
                .attach("OP referral.docx", DOCX, FormDocuments.officialTables(SAMPLE)).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertReadsAll(result, SAMPLE, Map.of());
        assertThat(((FormExtracted) result).sourceName()).isEqualTo("OP referral.docx");
    }

    @Test
    void aChronologyBesideTheFormIsNotTheForm() {
        byte[] mail = FormEmails.message("One Panel referral")
                .text("Referral and chronology attached.")
                .attach("Chronology.docx", DOCX, chronology())
                .attach("Referral – form.pdf", "application/pdf", FormPdfs.ruledTable(SAMPLE)).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertReadsAll(result, SAMPLE, Map.of());
        assertThat(((FormExtracted) result).sourceName()).isEqualTo("Referral – form.pdf");
    }

    @Test
    void readsTheFormInAForwardedMessage() {
        byte[] original = FormEmails.message("Referral").text("Form attached.")
                .attach("form.docx", DOCX, FormDocuments.contentControls(SAMPLE)).bytes();
        byte[] mail = FormEmails.message("FW: Referral").text("Forwarding on behalf of a colleague.")
                .forward(original).bytes();
        assertReadsAll(EXTRACTOR.extractFromEmail(mail), SAMPLE, FormVarietyTests.ticked(SAMPLE));
    }

    @Test
    void readsAReferralTypedIntoThePlainTextOfTheMessage() {
        SampleReferral sample = SampleReferral.of(1, Wording.VARIANT, DateStyle.DMY_YY);
        byte[] mail = FormEmails.message("One Panel referral").text(sample.asText()).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertReadsAll(result, sample, Map.of());
        assertThat(((FormExtracted) result).sourceName()).isEqualTo("(email body)");
    }

    @Test
    void readsAReferralPastedAsATableIntoAnHtmlMessage() {
        SampleReferral sample = SampleReferral.of(1, Wording.OFFICIAL, DateStyle.LONG);
        StringBuilder html = new StringBuilder("<html><body><p>Dear Panel,</p><table border=1>");
        for (SampleReferral.Section s : sample.sections()) {
            html.append("<tr><td colspan=2><b>").append(s.heading()).append("</b></td></tr>");
            for (SampleReferral.Group g : s.groups()) {
                boolean topic = g.fields().stream().anyMatch(f -> f.part() != null);
                if (g.heading() != null && !topic) {
                    html.append("<tr><td colspan=2>").append(g.heading()).append("</td></tr>");
                }
                for (SampleReferral.Field f : g.fields()) {
                    String label = topic ? (f.part().equals("Subject") ? g.heading() + " Subject:" : "Others:")
                            : f.label();
                    html.append("<tr><td>").append(label).append("</td><td>")
                            .append(f.written().replace("\n", "<br>")).append("</td></tr>");
                }
            }
        }
        html.append("</table><p>Kind regards</p></body></html>");
        byte[] mail = FormEmails.message("Referral").html(html.toString()).bytes();
        assertReadsAll(EXTRACTOR.extractFromEmail(mail), sample, Map.of());
    }

    @Test
    void theStrongestOfTwoFormsWins() {
        SampleReferral partial = SampleReferral.of(1, Wording.OFFICIAL, DateStyle.DMY);
        WordDocument fewFields = new WordDocument().heading("Case Referral Form").paragraph(
                "First name: " + partial.value("subject.first_name") + "\nSurname: "
                        + partial.value("subject.last_name") + "\nDate of birth: 1/1/2000\nAgency: Police\n"
                        + "Role: Officer\nName: A. Person\nNHS number: 999 000 0018");
        byte[] mail = FormEmails.message("Referral").text("Two attachments.")
                .attach("draft.docx", DOCX, fewFields.bytes())
                .attach("final.docx", DOCX, FormDocuments.officialTables(SAMPLE)).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertThat(((FormExtracted) result).sourceName()).isEqualTo("final.docx");
    }

    @Test
    void aPasswordProtectedFormIsReportedAsSuchWithoutItsName() {
        byte[] locked = FormPdfs.protect(FormPdfs.ruledTable(SAMPLE), "owner-secret", "user-secret");
        byte[] mail = FormEmails.message("Referral").text("Password to follow in a separate email.")
                .attach("Referral for Dorothy Fairweather.pdf", "application/pdf", locked).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertThat(result).isInstanceOf(ExtractionFailed.class);
        ExtractionFailed failed = (ExtractionFailed) result;
        assertThat(failed.reason()).isEqualTo(FailureReason.ENCRYPTED);
        assertThat(failed.explanation()).contains("attachment 1 (PDF)").doesNotContain("Dorothy")
                .doesNotContain("Fairweather");
    }

    @Test
    void noFormAnywhereIsNoFormFound() {
        byte[] mail = FormEmails.message("Meeting").text("Can we move the panel meeting to Thursday?\n\nThanks")
                .attach("agenda.docx", DOCX, new WordDocument().heading("Agenda").paragraph("1. Minutes\n2. Cases")
                        .bytes()).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertThat(result).isInstanceOf(ExtractionFailed.class);
        assertThat(((ExtractionFailed) result).reason()).isEqualTo(FailureReason.NO_FORM_FOUND);
    }

    @Test
    void aMessageWithNothingInItIsEmpty() {
        byte[] mail = FormEmails.message("(no subject)").bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertThat(((ExtractionFailed) result).reason()).isEqualTo(FailureReason.EMPTY);
        assertThat(((ExtractionFailed) EXTRACTOR.extractFromEmail(new byte[0])).reason())
                .isEqualTo(FailureReason.EMPTY);
    }

    @Test
    void garbageIsNoFormFoundNotACrash() {
        byte[] junk = "this is not a MIME message at all \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
        ExtractionResult result = EXTRACTOR.extractFromEmail(junk);
        assertThat(result).isInstanceOf(ExtractionFailed.class);
    }

    /** The README's "Try it" referral: five labelled lines, far fewer than a form's, but a referral all the same. */
    static final String README_BODY = """
            First name: Ada
            Last name: Example
            Date of birth: 02/05/1961
            Summary of reason for referral: Self-neglect and repeated falls at home
            Tel no. / email: pat.example@nhs-trust.example
            """;

    @Test
    void aFewLinesNamingThePersonAndGivingAReasonAreAReferral() {
        // before: no_form_found (recognition needs 6 fields from 2 sections)
        byte[] mail = FormEmails.message("One Panel referral").text(README_BODY).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertThat(result).isInstanceOf(FormExtracted.class);
        FilledForm form = ((FormExtracted) result).form();
        assertThat(form.value("subject.first_name")).contains("Ada");
        assertThat(form.value("subject.last_name")).contains("Example");
        assertThat(form.value("subject.date_of_birth")).contains("1961-05-02");
        assertThat(form.value("referral.reason")).contains("Self-neglect and repeated falls at home");
        assertThat(form.value("referrer.email")).contains("pat.example@nhs-trust.example");
        assertThat(((FormExtracted) result).sourceName()).isEqualTo("(email body)");
    }

    @Test
    void aFullNameAndAReasonAreEnoughButANameAloneIsNot() {
        byte[] named = FormEmails.message("Referral").text("Name: Ada Example\nReason for referral: Falls at home\n")
                .bytes();
        assertThat(EXTRACTOR.extractFromEmail(named)).isInstanceOf(FormExtracted.class);
        byte[] noReason = FormEmails.message("Referral").text("First name: Ada\nLast name: Example\n").bytes();
        assertThat(((ExtractionFailed) EXTRACTOR.extractFromEmail(noReason)).reason())
                .isEqualTo(FailureReason.NO_FORM_FOUND);
        byte[] firstNameOnly = FormEmails.message("Referral").text("Name: Ada\nReason for referral: Falls\n").bytes();
        assertThat(((ExtractionFailed) EXTRACTOR.extractFromEmail(firstNameOnly)).reason())
                .isEqualTo(FailureReason.NO_FORM_FOUND);
    }

    @Test
    void aFormTypedThenForwardedInlineIsReadBelowTheForwardingHeaders() {
        // before: no_form_found (the forwarder's "Thanks" ended the reading before the form)
        SampleReferral sample = SampleReferral.of(1, Wording.VARIANT, DateStyle.DMY_YY);
        String body = "Please see below, forwarded as discussed.\n\nThanks\nSam\n\n"
                + "-----Original Message-----\nFrom: A Referrer <a.referrer@agency.example.gov.uk>\n"
                + "Sent: 12 March 2026 09:14\nTo: Safeguarding Team <safeguarding@agency.example.gov.uk>\n"
                + "Subject: One Panel referral\n\n" + sample.asText().lines().map(l -> "> " + l)
                        .collect(java.util.stream.Collectors.joining("\n"));
        byte[] mail = FormEmails.message("FW: One Panel referral").text(body).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertReadsAll(result, sample, Map.of());
    }

    @Test
    void anEmailWhoseOnlyAttachmentHasNoBytesIsEmpty() {
        // before: no_form_found
        byte[] mail = FormEmails.message("Referral").attach("referral.docx", DOCX, new byte[0]).bytes();
        ExtractionResult result = EXTRACTOR.extractFromEmail(mail);
        assertThat(result).isInstanceOf(ExtractionFailed.class);
        assertThat(((ExtractionFailed) result).reason()).isEqualTo(FailureReason.EMPTY);
        assertThat(((ExtractionFailed) result).explanation()).contains("attachment 1").contains("0 bytes")
                .doesNotContain("referral.docx");
    }

    @Test
    void aMinutesOrNewsletterAttachedIsStillNotAForm() {
        WordDocument minutes = new WordDocument().heading("Minutes of the partnership meeting")
                .paragraph("Present: Chair, Named Nurse, Police lead.").paragraph("Apologies: none.")
                .paragraph("1. Actions from the last meeting were reviewed and closed.");
        byte[] mail = FormEmails.message("Minutes").text("Minutes attached.")
                .attach("minutes.docx", DOCX, minutes.bytes()).bytes();
        assertThat(((ExtractionFailed) EXTRACTOR.extractFromEmail(mail)).reason())
                .isEqualTo(FailureReason.NO_FORM_FOUND);
        assertThat(((ExtractionFailed) EXTRACTOR.extract("minutes.docx", minutes.bytes())).reason())
                .isEqualTo(FailureReason.NOT_A_FORM);
    }

    @Test
    void aReplyQuotingAReferralGivesOnlyWhatTheReplyAdds() {
        byte[] reply = FormEmails.message("RE: OP-2026-0001 Referral received")
                .text("Name: Pat Example\nAgency: NELFT\n\n> " + README_BODY.strip().replace("\n", "\n> "))
                .bytes();
        FilledForm answers = EXTRACTOR.answersIn(uk.gov.redbridge.onepanel.mailparsing.parser.MailParser.parse(reply)).orElseThrow();
        assertThat(answers.value("referrer.name")).contains("Pat Example");
        assertThat(answers.value("referrer.agency")).contains("NELFT");
        assertThat(answers.value("subject.first_name")).isEmpty();
    }

    static byte[] chronology() {
        WordDocument d = new WordDocument().heading("Single agency chronology")
                .paragraph("Subject: Dorothy Fairweather   DOB: 02/05/1961");
        WordDocument.Table t = d.table();
        t.row().label("Date").label("Agency").label("Event / contact").label("Outcome");
        for (int i = 1; i <= 8; i++) {
            t.row().cell("0" + i + "/0" + i + "/2025").cell("GP").cell("Attended surgery; plan agreed.")
                    .cell("Recorded");
        }
        return t.end().bytes();
    }
}
