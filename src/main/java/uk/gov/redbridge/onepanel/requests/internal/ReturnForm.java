package uk.gov.redbridge.onepanel.requests.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * The return form attached to a request: a Word document the agency completes and sends back, pre-filled with the
 * reference, the agency, the dates and who the request is about, with a question-and-answer table for the pathway
 * (what the screening, the Information Sharing Template or the DHR screening asks).
 *
 * @param identifiers label and value rows identifying the person (name, date of birth, NHS number ...)
 */
record ReturnForm(String reference, String agencyCode, String agencyName, Pathway pathway, String requestedOn,
        String dueOn, List<String[]> identifiers) {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** {@code OP-2026-0001-NELFT-return.docx} */
    String fileName() {
        return reference + "-" + agencyCode + "-return.docx";
    }

    String title() {
        switch (pathway) {
            case CHILDREN_CSPR:
                return "Information Sharing Template: single agency report";
            case DOMESTIC_HOMICIDE:
                return "Domestic Homicide Review screening: agency information";
            case LEARNING_ONLY:
                return "Learning review: agency information and chronology";
            default:
                return "Safeguarding Adults Review screening: request for information";
        }
    }

    /** The questions the agency answers, in the order the panel reads them. */
    List<String> questions() {
        List<String> q = new ArrayList<>();
        q.add("Is the person known to your service? (Yes / No). If not, say so and return this form: nothing else "
                + "is needed.");
        q.add("Dates of involvement (first and last contact)");
        q.add("Summary of your agency's involvement with the person (and with relevant family members or others "
                + "in the household)");
        q.add("Chronology of significant contacts (date, contact, outcome)");
        switch (pathway) {
            case CHILDREN_CSPR:
                q.add("Immediate safety actions taken or needed for the child or other children");
                q.add("Analysis: what went well, and what could have been done differently");
                break;
            case DOMESTIC_HOMICIDE:
                q.add("Any disclosures of domestic abuse, coercive control or risk assessments (e.g. DASH, MARAC)");
                q.add("Contact with the alleged perpetrator, if any");
                break;
            default:
                q.add("Concerns about abuse or neglect, and safeguarding enquiries (s42) made");
                q.add("How well agencies worked together; learning for your agency");
                break;
        }
        q.add("Completed by (role, not only a name), and date");
        return q;
    }

    byte[] toDocx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // the file's core properties: the service made it (no person's name, no subject in the metadata)
            var core = doc.getProperties().getCoreProperties();
            core.setCreator("One Panel service");
            core.setTitle("One Panel return form " + reference);
            core.setLastModifiedByUser("One Panel service");
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.LEFT);
            run(heading, "Redbridge One Panel — " + title(), true, 14);
            run(doc.createParagraph(), "Please complete this form and reply to the request email with it attached. "
                    + "Keep [" + reference + "/" + agencyCode + "] in the subject line.", false, 11);

            XWPFTable details = doc.createTable(1, 2);
            row(details.getRow(0), "Reference", reference);
            row(details.createRow(), "Agency", agencyName + " (" + agencyCode + ")");
            row(details.createRow(), "Pathway", pathway.label());
            row(details.createRow(), "Requested on", requestedOn);
            row(details.createRow(), "Return by", dueOn);
            for (String[] identifier : identifiers) {
                row(details.createRow(), identifier[0], identifier[1]);
            }

            run(doc.createParagraph(), "", false, 11);
            XWPFTable answers = doc.createTable(1, 2);
            row(answers.getRow(0), "Question", "Your answer");
            for (String question : questions()) {
                row(answers.createRow(), question, "");
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the return form", e);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily("Arial");
    }

    private static void row(XWPFTableRow row, String label, String value) {
        row.getCell(0).setText(label);
        row.getCell(1).setText(value == null ? "" : value);
    }
}
