package uk.gov.redbridge.onepanel.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.shared.Pathway;

class ReturnFormTests {

    @Test
    void theReturnFormCarriesTheReferenceTheAgencyTheDatesAndThePathwaysQuestions() throws IOException {
        ReturnForm form = new ReturnForm("OP-2026-0042", "NELFT", "North East London NHS Foundation Trust",
                Pathway.CHILDREN_CSPR, "Wednesday 4 March 2026", "Wednesday 11 March 2026",
                List.of(new String[] {"Name", "Alex Example"}, new String[] {"NHS number", "9990000018"}));

        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(form.toDocx()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }

        assertThat(form.fileName()).isEqualTo("OP-2026-0042-NELFT-return.docx");
        assertThat(text).contains("Information Sharing Template", "OP-2026-0042", "[OP-2026-0042/NELFT]",
                "North East London NHS Foundation Trust (NELFT)", "Wednesday 11 March 2026", "Alex Example",
                "9990000018", "Immediate safety actions", "Is the person known to your service?");
    }

    @Test
    void eachPathwayHasItsOwnTitle() {
        for (Pathway p : Pathway.values()) {
            ReturnForm form = new ReturnForm("OP-2026-0001", "MPS", "Police", p, "a", "b", List.of());
            assertThat(form.title()).isNotBlank();
            assertThat(form.questions()).hasSizeGreaterThanOrEqualTo(6);
        }
        assertThat(new ReturnForm("OP-2026-0001", "MPS", "Police", Pathway.DOMESTIC_HOMICIDE, "a", "b", List.of())
                .questions()).anyMatch(q -> q.contains("MARAC"));
    }
}
