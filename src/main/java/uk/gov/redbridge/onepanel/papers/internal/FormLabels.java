package uk.gov.redbridge.onepanel.papers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.gov.redbridge.onepanel.extraction.FilledForm;

/** The Appendix E form's sections and labels (FIELDS.md), for printing a form that came as an email body. */
final class FormLabels {

    record Row(String label, String value) {
    }

    record Section(String title, List<Row> rows) {
    }

    private static final Map<String, Map<String, String>> SECTIONS = new LinkedHashMap<>();

    static {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("referral.date", "Date of this One Panel referral");
        context.put("referral.reason", "Summary of reason for referral");
        context.put("referral.incident_date", "Date of incident/death");
        SECTIONS.put("1. Context for referral to One Panel", context);
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("subject.first_name", "First name");
        subject.put("subject.last_name", "Last name");
        subject.put("subject.other_names", "Other names used");
        subject.put("subject.date_of_birth", "Date of birth");
        subject.put("subject.age", "Age");
        subject.put("subject.gender", "Gender");
        subject.put("subject.ethnicity", "Ethnicity");
        subject.put("subject.disability", "Disability");
        subject.put("subject.nhs_number", "NHS number");
        subject.put("subject.gp", "GP");
        subject.put("subject.postmortem_result", "Postmortem result (if applicable)");
        subject.put("subject.address", "Home address");
        subject.put("subject.housing_tenure", "Housing tenure");
        subject.put("subject.school_college", "School / college");
        SECTIONS.put("2. Subject details", subject);
        Map<String, String> involvement = new LinkedHashMap<>();
        for (String[] row : new String[][] {{"original_contact", "Details of original referral/contact with agency"},
                {"status", "Status (CP plan, looked after child, adult at risk procedure, DoLS ...)"},
                {"summary", "Summary of work/intervention and analysis"},
                {"other_agencies", "What other agencies have been involved with the family?"}}) {
            involvement.put("involvement." + row[0] + ".subject", row[1] + ": subject");
            involvement.put("involvement." + row[0] + ".others", row[1] + ": others");
        }
        involvement.put("involvement.partnership_working", "How well has the multi-agency partnership worked together?");
        SECTIONS.put("4. Agency involvement", involvement);
        Map<String, String> referrer = new LinkedHashMap<>();
        referrer.put("referrer.name", "Name");
        referrer.put("referrer.agency", "Agency");
        referrer.put("referrer.role", "Role");
        referrer.put("referrer.phone", "Telephone");
        referrer.put("referrer.email", "Email");
        referrer.put("referrer.manager", "Manager responsible for quality assuring the referral");
        referrer.put("referrer.internal_review", "Subject to an internal/single agency review?");
        referrer.put("referrer.lessons_learnt", "Lessons learnt");
        referrer.put("referrer.considerations", "Considerations (media interest, criminal proceedings ...)");
        SECTIONS.put("5. Referrer details", referrer);
        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("decision.meeting_date", "Meeting date");
        decision.put("decision.recommendation", "One Panel recommendation");
        decision.put("decision.follow_up", "Follow up action");
        SECTIONS.put("6. One Panel decision", decision);
    }

    private static final String[][] PERSON = {{"name", "Name"}, {"date_of_birth", "Date of birth"},
            {"relationship", "Relationship to subject"}, {"address", "Address"},
            {"other_info", "Other relevant information"}};

    private FormLabels() {
    }

    /** Every section with the values the form holds; a blank value shows as blank. */
    static List<Section> sections(FilledForm form) {
        List<Section> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> s : SECTIONS.entrySet()) {
            if (s.getKey().startsWith("4.")) {
                out.add(persons(form));
            }
            List<Row> rows = new ArrayList<>();
            s.getValue().forEach((key, label) -> rows.add(new Row(label,
                    ShownValues.shown(form.value(key).orElse("")))));
            out.add(new Section(s.getKey(), rows));
        }
        return out;
    }

    private static Section persons(FilledForm form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < form.personCount(); i++) {
            String role = form.value("persons." + i + ".role").orElse("other");
            rows.add(new Row((char) ('a' + Math.min(i, 25)) + ". "
                    + ("next_of_kin".equals(role) ? "Next of kin / nearest relative" : "Other relevant person"), ""));
            for (String[] field : PERSON) {
                rows.add(new Row(field[1], ShownValues.shown(form.value("persons." + i + "." + field[0]).orElse(""))));
            }
        }
        return new Section("3. Other relevant person(s)", rows);
    }
}
