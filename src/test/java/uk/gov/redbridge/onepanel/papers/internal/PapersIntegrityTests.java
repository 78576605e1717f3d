package uk.gov.redbridge.onepanel.papers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.shared.Pathway;

/** Issue 13, points 6 and 7: the decision support a child's case gets, and what a pack's PDF says about its makers. */
class PapersIntegrityTests {

    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    static FilledForm form(String... keyValues) {
        List<ExtractedField> fields = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.add(new ExtractedField(keyValues[i], keyValues[i + 1], keyValues[i + 1], 1.0, null, List.of()));
        }
        return new FilledForm("test", fields);
    }

    /** Point 6: the pack gave a child's case "Appendix C: Safeguarding Adults Review decision tool". */
    @Test
    void aChildsCaseGetsTheChildSafeguardingPracticeReviewCriteriaNeverTheAdultsTool() {
        List<DecisionSupport.Appendix> child = DecisionSupport.forReferral(Pathway.CHILDREN_CSPR,
                form("subject.age", "7"), RECEIVED);
        assertThat(child).extracting(DecisionSupport.Appendix::title)
                .containsExactly("Local Child Safeguarding Practice Review criteria");
        assertThat(child.get(0).questions()).anySatisfy(q -> assertThat(q.text()).contains("two or more organisations"));

        // a child sent to the adults' mailbox (a mismatched pathway) still gets the children's criteria
        assertThat(DecisionSupport.forReferral(Pathway.ADULTS_SAR, form("subject.date_of_birth", "2019-05-02",
                "referral.incident_date", "2026-02-27"), RECEIVED)).extracting(DecisionSupport.Appendix::title)
                .noneMatch(t -> t.contains("Appendix C"));
        // from 16 a Domestic Homicide Review may apply too
        assertThat(DecisionSupport.forReferral(Pathway.CHILDREN_CSPR, form("subject.age", "16"), RECEIVED))
                .extracting(DecisionSupport.Appendix::title).containsExactly(
                        "Local Child Safeguarding Practice Review criteria",
                        "Appendix B: Domestic Homicide Review (DHR / DARDR) decision support");
        // without an age, the children's pathway says it is a child
        assertThat(DecisionSupport.forReferral(Pathway.CHILDREN_CSPR, form(), RECEIVED))
                .extracting(DecisionSupport.Appendix::title).noneMatch(t -> t.contains("Appendix C"));
    }

    @Test
    void anAdultsCaseGetsAppendixCThenB() {
        assertThat(DecisionSupport.forReferral(Pathway.ADULTS_SAR, form("subject.age", "64"), RECEIVED))
                .extracting(DecisionSupport.Appendix::title).containsExactly(
                        "Appendix C: Safeguarding Adults Review decision tool",
                        "Appendix B: Domestic Homicide Review (DHR / DARDR) decision support");
        assertThat(DecisionSupport.forReferral(Pathway.DOMESTIC_HOMICIDE, form("subject.age", "29"), RECEIVED))
                .extracting(DecisionSupport.Appendix::title).first().asString().startsWith("Appendix B");
    }

    /** Point 7: the pack PDF's Author was a referrer's name, taken from the Word form it was made from. */
    @Test
    void thePapersPdfCarriesNoNameFromTheDocumentsItIsMadeOf() throws Exception {
        byte[] referrersForm = pdfWithMetadata("Pat Referrer", "Pat Referrer's referral about Dorothy Fairweather");

        PdfAssembler.Assembled pack = PdfAssembler.assemble(List.of(
                new PdfAssembler.Part(null, "Referral form", referrersForm, "OP-2026-0001")), List.of(),
                "One Panel papers OP-2026-0001");

        try (PDDocument doc = Loader.loadPDF(pack.pdf())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getAuthor()).isNull();
            assertThat(info.getSubject()).isNull();
            assertThat(info.getKeywords()).isNull();
            assertThat(info.getTitle()).isEqualTo("One Panel papers OP-2026-0001");
            assertThat(info.getCreator()).isEqualTo("One Panel service");
            assertThat(info.getCOSObject().toString()).doesNotContain("Pat Referrer", "Fairweather");
            assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMetadata()).isNull();
            }
        }
        assertThat(new String(pack.pdf(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Pat Referrer");
    }

    private static byte[] pdfWithMetadata(String author, String subject) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setAuthor(author);
            info.setSubject(subject);
            info.setKeywords(author);
            info.setCreationDate(Calendar.getInstance());
            String xmp = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                    + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
                    + "xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator><rdf:Seq><rdf:li>" + author
                    + "</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
            PDMetadata pageMetadata = new PDMetadata(doc);
            pageMetadata.importXMPMetadata(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            page.setMetadata(pageMetadata);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
