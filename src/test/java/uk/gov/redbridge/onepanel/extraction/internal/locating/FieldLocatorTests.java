package uk.gov.redbridge.onepanel.extraction.internal.locating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PlainTextReader;

/** How labels, headings and answers are matched up, on small documents built for each rule. */
class FieldLocatorTests {

    private final FieldLocator locator = new FieldLocator(FormMappings.load(FormMappings.DEFAULT_LOCATION).all()
            .get(0));

    @Test
    void aLabelUsedInTwoSectionsBelongsToTheSectionItIsIn() {
        Map<String, String> found = read("""
                3. Other relevant person(s) details
                a. Next of kin
                Name: Graham Fairweather
                5. Referrer details
                Name: Priya Okonjo
                """);
        assertThat(found).containsEntry("persons.0.name", "Graham Fairweather")
                .containsEntry("persons.0.role", "next_of_kin").containsEntry("referrer.name", "Priya Okonjo");
    }

    @Test
    void withoutHeadingsALabelOfOneSectionShowsWhereTheReadingIs() {
        Map<String, String> found = read("""
                Relationship to subject: Son
                Name: Priya Okonjo
                Agency: LB Redbridge
                """);
        // "Name" came before "Agency": it was the referrer's
        assertThat(found).containsEntry("persons.0.relationship", "Son").containsEntry("referrer.name", "Priya Okonjo")
                .doesNotContainKey("persons.0.name");
    }

    @Test
    void aRepeatedLabelStartsTheNextPersonAndEmptyPersonsAreLeftOut() {
        Map<String, String> found = read("""
                3. Other relevant person(s) details
                Name: Graham Fairweather
                DOB: 30/07/1988
                b. Other relevant person
                Name:
                DOB:
                c. Other relevant person
                Name: Maureen Tully
                Name: Joe Tully
                """);
        assertThat(found).containsEntry("persons.0.name", "Graham Fairweather")
                .containsEntry("persons.0.role", "next_of_kin").containsEntry("persons.1.name", "Maureen Tully")
                .containsEntry("persons.1.role", "other").containsEntry("persons.2.name", "Joe Tully")
                .containsEntry("persons.2.role", "other").doesNotContainKey("persons.3.name");
    }

    @Test
    void partsOfAnAnswerGoToTheirKeysAndAnAnswerWithoutPartsToTheSubject() {
        Map<String, String> found = read("""
                4. Agency involvement
                Details of original referral/contact with agency
                  Subject: Known since 2021.
                  Others: Mother self-referred.
                Status: Child in Need plan.
                """);
        assertThat(found).containsEntry("involvement.original_contact.subject", "Known since 2021.")
                .containsEntry("involvement.original_contact.others", "Mother self-referred.")
                .containsEntry("involvement.status.subject", "Child in Need plan.");
    }

    @Test
    void aSignOffEndsTheFormAndAnUnknownLabelKeepsItsAnswerToItself() {
        Map<String, String> found = read("""
                First name: Dorothy
                Pronouns: she/her
                Surname: Fairweather
                Considerations: None known.
                Kind regards
                Tel: 020 7946 0999
                """);
        assertThat(found).containsEntry("subject.first_name", "Dorothy")
                .containsEntry("subject.last_name", "Fairweather")
                .containsEntry("referrer.considerations", "None known.").doesNotContainKey("referrer.phone");
    }

    @Test
    void aLongAnswerMayMentionAShortLabelOfAnotherSection() {
        Map<String, String> found = read("""
                Summary of reason for referral:
                Found collapsed at home.
                Agency: the housing officer had been told.
                Date of incident/death: 27/02/2026
                """);
        assertThat(found.get("referral.reason")).isEqualTo("Found collapsed at home.\n"
                + "Agency: the housing officer had been told.");
        assertThat(found).containsEntry("referral.incident_date", "27/02/2026").doesNotContainKey("referrer.agency");
    }

    @Test
    void anAnswerIsReadBesideBelowOrUnderItsLabelInATable() {
        TableBlock table = table(
                row("First name", "Dorothy", "Surname", "Fairweather"),
                row("Date of birth", "Age", "Gender"),
                row("02/05/1961", "64", "Female"),
                row("Other names used", ""),
                row("GP\nDr P. Larkin"));
        Map<String, String> found = read(new DocumentLayout("docx", 0, false, List.of(table)));
        assertThat(found).containsEntry("subject.first_name", "Dorothy").containsEntry("subject.last_name",
                "Fairweather").containsEntry("subject.date_of_birth", "02/05/1961").containsEntry("subject.age", "64")
                .containsEntry("subject.gender", "Female").containsEntry("subject.gp", "Dr P. Larkin")
                .doesNotContainKey("subject.other_names");
    }

    @Test
    void anAnswerThatIsALabelsWordingIsStillTheAnswer() {
        // a two-column list of labels and answers: the role is "Manager"
        TableBlock list = table(row("5. Referrer details"), row("Name", "Priya Okonjo"), row("Agency", "Redbridge"),
                row("Role", "Manager"), row("Manager Name responsible for quality assuring the referral", "H Marsh"));
        assertThat(read(new DocumentLayout("docx", 0, false, List.of(list)))).containsEntry("referrer.role", "Manager")
                .containsEntry("referrer.manager", "H Marsh");
        // shaded labels, white answers, several to a row
        TableBlock.Row shaded = new TableBlock.Row(List.of(cell(0, "Agency", "D9E2F3"), cell(1, "Service", null),
                cell(2, "Role", "D9E2F3"), cell(3, "Manager", null)));
        Map<String, String> found = read(new DocumentLayout("docx", 0, false, List.of(table(row("Referrer details")),
                new TableBlock(List.of(shaded), Origin.at("table 2")))));
        assertThat(found).containsEntry("referrer.agency", "Service").containsEntry("referrer.role", "Manager");
    }

    @Test
    void aLabelWrappedOverLinesIsStillOneLabel() {
        Map<String, String> found = read("""
                Status i.e., subject of a CP plan, looked after child, subject to adult at risk procedure,
                subject to deprivation of liberty safeguards (DoLS) etc.
                  Subject: Section 42 enquiry.
                Lessons learnt: If appropriate please describe the lessons that have been learnt by your agency and
                any changes made as a result.: Visits are now checked.
                """);
        assertThat(found).containsEntry("involvement.status.subject", "Section 42 enquiry.")
                .containsEntry("referrer.lessons_learnt", "Visits are now checked.");
    }

    @Test
    void aTabAfterALabelSeparatesItFromTheAnswer() {
        DocumentLayout layout = new DocumentLayout("docx", 0, false, List.of(
                new TextBlock("First name\tDorothy", false, Origin.at("paragraph 1")),
                new TextBlock("Address unknown", false, Origin.at("paragraph 2"))));
        assertThat(read(layout)).containsEntry("subject.first_name", "Dorothy").doesNotContainKey("subject.address");
    }

    @Test
    void templatePromptsAndGuidanceAreNotAnswers() {
        Map<String, String> found = read("""
                Other names used: Click or tap here to enter text.
                Any other information that is relevant to the discussion: Lives nearby.
                Please add others as required
                """);
        assertThat(found).doesNotContainKey("subject.other_names").containsEntry("persons.0.other_info",
                "Lives nearby.");
    }

    @Test
    void anAddressEndsWithItsPostcodeOrWithNotKnown() {
        // answers under their labels; "Comments" is no label the mapping knows, and after a postcode (or "Not known")
        // a line is no longer the address
        Map<String, String> found = read("""
                3. Other relevant person(s) details
                a. Next of kin
                Name
                Jayden Kowalczyk
                Address
                Flat 1, 62 Clements Road,
                Hainault IG6 3UF
                Comments
                Lives nearby and visited weekly.
                b. Other relevant person
                Name
                Patrick Quayle
                Address
                Not known
                Comments
                """);
        assertThat(found).containsEntry("persons.0.address", "Flat 1, 62 Clements Road, Hainault IG6 3UF")
                .containsEntry("persons.1.address", "Not known");
    }

    @Test
    void twoDatesUnderUnknownLabelsAreToldApartByTheirWordsNotByTheirShape() {
        // both answers are dates and only the incident date's place is after the reason: the shape says "a date",
        // not which; the words say the second is the incident's, and the first is then the one date left
        Map<String, String> found = read(new DocumentLayout("docx", 0, false, List.of(
                new TextBlock("1. Context for referral", false, Origin.at("paragraph 1")),
                table(row("Reason for referral: Missed appointments and no engagement with services."),
                        row("Referral sent on: 31/01/2026"), row("When the harm or death happened: 17/12/2025")),
                new TextBlock("2. Subject's details", false, Origin.at("paragraph 2")),
                table(row("First name: Dorothy")))));
        assertThat(found).containsEntry("referral.date", "31/01/2026")
                .containsEntry("referral.incident_date", "17/12/2025");
    }

    @Test
    void ocrTextMatchesLabelsWithALetterWrong() {
        TableBlock table = table(row("Relationship to subiect", "Son"), row("Date of birtb", "30/07/1988"));
        Origin ocr = new Origin(1, "page 1", 0.8);
        TableBlock scanned = new TableBlock(table.rows().stream().map(r -> new TableBlock.Row(r.cells().stream()
                .map(c -> new TableBlock.Cell(c.from(), c.to(), false, null, List.of(new TextBlock(c.text(), false,
                        ocr)), ocr)).toList())).toList(), ocr);
        Map<String, String> found = read(new DocumentLayout("scan", 1, true, List.of(scanned)));
        assertThat(found).containsEntry("persons.0.relationship", "Son");
        assertThat(found).containsEntry("persons.0.date_of_birth", "30/07/1988");
    }

    private Map<String, String> read(String text) {
        return read(PlainTextReader.read(text, "text"));
    }

    private Map<String, String> read(DocumentLayout layout) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Located l : locator.locate(layout).fields()) {
            out.put(l.key(), l.value());
        }
        return out;
    }

    private static TableBlock.Cell cell(int column, String text, String fill) {
        return new TableBlock.Cell(column, column + 1, false, fill, List.of(new TextBlock(text, false,
                Origin.at("cell"))), Origin.at("cell " + (column + 1)));
    }

    private static TableBlock table(TableBlock.Row... rows) {
        return new TableBlock(List.of(rows), Origin.at("table 1"));
    }

    private static TableBlock.Row row(String... cells) {
        List<TableBlock.Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            List<Block> content = new ArrayList<>();
            for (String p : cells[i].split("\n")) {
                content.add(new TextBlock(p, false, Origin.at("cell")));
            }
            out.add(new TableBlock.Cell(i, i + 1, false, null, content, Origin.at("cell " + (i + 1))));
        }
        return new TableBlock.Row(out);
    }
}
