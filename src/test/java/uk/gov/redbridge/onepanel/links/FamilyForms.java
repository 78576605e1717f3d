package uk.gov.redbridge.onepanel.links;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.testing.Documents;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * Appendix E forms (Word, written by the project's own fixture code) about fictional families: the subject and two
 * persons of section 3, with their names, dates of birth, relationships and addresses as a test needs them.
 */
final class FamilyForms {

    /** A person of section 3; any part may be blank. */
    record Person(String name, String dateOfBirth, String relationship, String address) {
    }

    static final Person NOBODY = new Person("", "", "", "");

    private FamilyForms() {
    }

    /**
     * @param dateOfBirth as a referrer writes it, dd/MM/yyyy
     * @param nhsNumber   a 999-range number with a valid check digit, or blank
     */
    static byte[] form(String first, String last, String dateOfBirth, String nhsNumber, String address, String reason,
            Person a, Person b) {
        SampleReferral r = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY)
                .with("subject.first_name", first, null).with("subject.last_name", last, null)
                .with("subject.other_names", "", null).with("subject.date_of_birth", dateOfBirth, null)
                .with("subject.age", "", null).with("subject.nhs_number", nhsNumber, null)
                .with("subject.address", address, null).with("referral.reason", reason, null);
        person(r, 0, a);
        person(r, 1, b);
        return FormDocuments.officialTables(r);
    }

    private static void person(SampleReferral r, int index, Person p) {
        String k = "persons." + index + ".";
        r.with(k + "name", p.name(), null).with(k + "date_of_birth", p.dateOfBirth(), null)
                .with(k + "relationship", p.relationship(), null).with(k + "address", p.address(), null)
                .with(k + "other_info", "", null);
    }

    /** An email from a referrer with the form attached. */
    static byte[] email(String from, String to, byte[] form) {
        return TestMail.create().from(from).to(to).subject("One Panel referral")
                .text("Please find attached a One Panel referral.").attach("referral.docx", Documents.DOCX, form)
                .bytes();
    }
}
