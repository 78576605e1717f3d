package uk.gov.redbridge.onepanel.extraction;

import static uk.gov.redbridge.onepanel.extraction.fixtures.FormAssertions.assertReadsAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;

/**
 * The same referrals written in every layout staff use (Word tables, answers in the label cell, labels over answers,
 * answers under labels, content controls, legacy form fields, PDF tables, plain PDF lines, fillable PDFs), with
 * official and other label wordings and dates spelt in different ways: every field must be read, and nothing else.
 */
class FormVarietyTests {

    static final FormExtractor EXTRACTOR = TestExtractors.inProcess();

    record Layout(String name, String extension, Function<SampleReferral, byte[]> writer, boolean ticked) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Layout> LAYOUTS = List.of(
            new Layout("Word: official tables", "docx", FormDocuments::officialTables, false),
            new Layout("Word: content controls", "docx", FormDocuments::contentControls, true),
            new Layout("Word: legacy form fields", "docx", FormDocuments::legacyFormFields, true),
            new Layout("Word: label and answer in one cell", "docx", FormDocuments::labelAndAnswerInOneCell, false),
            new Layout("Word: labels over answers", "docx", FormDocuments::labelsOverAnswers, false),
            new Layout("Word: answers under labels", "docx", FormDocuments::answersUnderLabels, false),
            new Layout("Word: Label: answer paragraphs", "docx", FormDocuments::colonParagraphs, false),
            new Layout("Word: two-column table", "docx", FormDocuments::twoColumnTable, false),
            new Layout("Word: involvement grid", "docx", FormDocuments::involvementGrid, false),
            new Layout("Word: persons grid", "docx", FormDocuments::personsGrid, false),
            new Layout("PDF: ruled table", "pdf", FormPdfs::ruledTable, false),
            new Layout("PDF: plain lines", "pdf", FormPdfs::plainLines, false),
            new Layout("PDF: fillable form", "pdf", FormPdfs::fillableForm, true));

    static Stream<Arguments> samples() {
        List<Arguments> out = new ArrayList<>();
        Object[][] variants = {
            {0, Wording.OFFICIAL, DateStyle.DMY}, {1, Wording.VARIANT, DateStyle.LONG},
            {1, Wording.OFFICIAL, DateStyle.ORDINAL}, {0, Wording.VARIANT, DateStyle.DMY_YY},
        };
        for (Layout layout : LAYOUTS) {
            for (Object[] v : variants) {
                out.add(Arguments.of(layout, v[0], v[1], v[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, case {1}, {2} wording, dates {3}")
    @MethodSource("samples")
    void readsEveryFieldOfTheForm(Layout layout, int variant, Wording wording, DateStyle dates) {
        SampleReferral sample = SampleReferral.of(variant, wording, dates);
        byte[] file = layout.writer().apply(sample);
        ExtractionResult result = EXTRACTOR.extract("referral." + layout.extension(), file);
        assertReadsAll(result, sample, layout.ticked() ? ticked(sample) : Map.of());
    }

    /** A yes/no question answered with check boxes reads as the ticked box's label. */
    static Map<String, String> ticked(SampleReferral sample) {
        String written = sample.value("referrer.internal_review");
        return Map.of("referrer.internal_review", written.startsWith("Yes") ? "Yes" : "No");
    }
}
