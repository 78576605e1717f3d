package uk.gov.redbridge.onepanel.papers.internal;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * The decision support of the terms of reference, shown next to the case: Appendix B (domestic homicide) and
 * Appendix C (Safeguarding Adults Review decision tool) questions for an adult, and the local Child Safeguarding
 * Practice Review criteria for a child, each with what the referral form says that bears on it, quoted. A child's
 * case never gets the adults' tool, nor an adult's the children's criteria: the subject's age decides where the form
 * gives one, else the pathway. The service answers none of the questions: the panel decides.
 */
final class DecisionSupport {

    record Evidence(String label, String value) {
    }

    record Question(String text, List<Evidence> formSays) {
    }

    record Appendix(String title, String note, List<Question> questions) {
    }

    private record Asked(String text, String[][] keys) {
    }

    private static final String[][] AGE = {{FieldKeys.SUBJECT_AGE, "Age"}, {FieldKeys.SUBJECT_DATE_OF_BIRTH, "Date of birth"}};
    private static final String[][] DEATH = {{FieldKeys.REFERRAL_INCIDENT_DATE, "Date of incident/death"},
            {FieldKeys.SUBJECT_POSTMORTEM_RESULT, "Postmortem result"}, {FieldKeys.REFERRAL_REASON, "Summary of reason"}};
    private static final String[][] REASON = {{FieldKeys.REFERRAL_REASON, "Summary of reason"},
            {FieldKeys.INVOLVEMENT_SUMMARY_SUBJECT, "Summary of work and analysis"}};

    private static final List<Asked> APPENDIX_B = List.of(
            new Asked("Has a person aged 16 or over died?", join(AGE, DEATH)),
            new Asked("Has the death, or does it appear to have, resulted from violence, abuse or neglect?",
                    join(DEATH, new String[][] {{FieldKeys.INVOLVEMENT_SUMMARY_SUBJECT, "Summary of work and analysis"}})),
            new Asked("Was it by a person to whom they were related or with whom they were or had been in an "
                    + "intimate personal relationship, or a member of the same household?", personsKeys()),
            new Asked("If the victim took their own life: do the circumstances give rise to concern (for example "
                    + "coercive controlling behaviour in the relationship)?", REASON),
            new Asked("Criminal proceedings (a review goes ahead even where no one is charged, or a suspect is "
                    + "acquitted)", new String[][] {{FieldKeys.REFERRER_CONSIDERATIONS, "Considerations"}}));

    private static final List<Asked> CSPR_CRITERIA = List.of(
            new Asked("Is abuse or neglect of the child known or suspected?", join(REASON,
                    new String[][] {{FieldKeys.INVOLVEMENT_STATUS_SUBJECT, "Status (child protection plan, looked after ...)"}})),
            new Asked("Has the child died or been seriously harmed (including serious or long-term impairment of "
                    + "health or development)?", join(AGE, DEATH)),
            new Asked("Does the case highlight, or may it highlight, improvements needed to safeguard and promote the "
                    + "welfare of children, including ones identified before?",
                    new String[][] {{FieldKeys.REFERRER_LESSONS_LEARNT, "Lessons learnt"},
                            {FieldKeys.REFERRER_INTERNAL_REVIEW, "Internal/single agency review"}}),
            new Asked("Does it highlight, or may it highlight, recurrent themes in safeguarding children?",
                    new String[][] {{FieldKeys.REFERRER_LESSONS_LEARNT, "Lessons learnt"}}),
            new Asked("Does it highlight, or may it highlight, concerns about two or more organisations or agencies "
                    + "working together effectively to safeguard the child?", new String[][] {
                            {FieldKeys.INVOLVEMENT_PARTNERSHIP_WORKING, "How well the partnership worked together"},
                            {FieldKeys.INVOLVEMENT_OTHER_AGENCIES_SUBJECT, "Other agencies involved"}}),
            new Asked("Has the national Child Safeguarding Practice Review Panel considered the case and concluded "
                    + "that a local review may be more appropriate?",
                    new String[][] {{FieldKeys.REFERRER_CONSIDERATIONS, "Considerations"}}));

    private static final List<Asked> APPENDIX_C = List.of(
            new Asked("Is this an adult with needs for care and support (whether or not the local authority was "
                    + "meeting them)?", join(AGE, new String[][] {{FieldKeys.SUBJECT_DISABILITY, "Disability"},
                            {FieldKeys.INVOLVEMENT_STATUS_SUBJECT, "Status (adult at risk procedure, DoLS ...)"}})),
            new Asked("Has the adult died (including suicide)?", DEATH),
            new Asked("Has the adult suffered significant harm?", REASON),
            new Asked("Because of, or suspected to be because of, abuse or neglect?", REASON),
            new Asked("Is there reasonable cause for concern about how the Board, its members or others worked "
                    + "together to safeguard the adult?", new String[][] {{FieldKeys.INVOLVEMENT_PARTNERSHIP_WORKING,
                            "How well the partnership worked together"},
                            {FieldKeys.INVOLVEMENT_OTHER_AGENCIES_SUBJECT, "Other agencies involved"}}),
            new Asked("Is the case likely to be complex, run alongside criminal proceedings, or generate public "
                    + "interest?", new String[][] {{FieldKeys.REFERRER_CONSIDERATIONS, "Considerations"}}),
            new Asked("Is there potential to identify sufficient valuable learning from the case?",
                    new String[][] {{FieldKeys.REFERRER_LESSONS_LEARNT, "Lessons learnt"},
                            {FieldKeys.REFERRER_INTERNAL_REVIEW, "Internal/single agency review"}}),
            new Asked("Is there reasonable cause to identify good practice from the case to improve partnership "
                    + "working?", new String[][] {{FieldKeys.INVOLVEMENT_PARTNERSHIP_WORKING,
                            "How well the partnership worked together"}}));

    private DecisionSupport() {
    }

    static final int ADULT_FROM = 18;
    static final int DOMESTIC_HOMICIDE_FROM = 16;

    /**
     * The questions for the review types the case may meet, its own pathway's first: for a child the local CSPR
     * criteria (and Appendix B from 16, the age a Domestic Homicide Review starts at), for an adult Appendix C and
     * Appendix B. The age is the form's (written, or from the date of birth at the incident or the referral); without
     * one, the pathway says whether the subject is a child.
     */
    static List<Appendix> forReferral(Pathway pathway, FilledForm form, java.time.LocalDate received) {
        java.util.Optional<Integer> age = ageOf(form, received);
        boolean child = age.map(a -> a < ADULT_FROM).orElse(pathway == Pathway.CHILDREN_CSPR);
        Appendix b = appendixB(form);
        if (child) {
            List<Appendix> out = new ArrayList<>();
            out.add(new Appendix("Local Child Safeguarding Practice Review criteria",
                    "Children Act 2004 s16F and the Child Safeguarding Practice Review and Relevant Agency (England) "
                            + "Regulations 2018, regulation 11; Working Together to Safeguard Children 2023, chapter "
                            + "5: a serious child safeguarding case is one where abuse or neglect of a child is known "
                            + "or suspected and the child has died or been seriously harmed.",
                    answer(CSPR_CRITERIA, form)));
            if (age.map(a -> a >= DOMESTIC_HOMICIDE_FROM).orElse(false) || pathway == Pathway.DOMESTIC_HOMICIDE) {
                out.add(b);
            }
            return out;
        }
        return forAdult(pathway, form, b);
    }

    /** As {@link #forReferral(Pathway, FilledForm, java.time.LocalDate)} with no date to count an age at. */
    static List<Appendix> forReferral(Pathway pathway, FilledForm form) {
        return forReferral(pathway, form, java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")));
    }

    private static Appendix appendixB(FilledForm form) {
        return new Appendix("Appendix B: Domestic Homicide Review (DHR / DARDR) decision support",
                "Domestic Violence, Crime and Victims Act 2004 s9; the person must have been aged 16 or over.",
                answer(APPENDIX_B, form));
    }

    /** The subject's age: as written, else from the date of birth at the incident (or the referral date). */
    static java.util.Optional<Integer> ageOf(FilledForm form, java.time.LocalDate received) {
        java.util.Optional<String> written = form.value(FieldKeys.SUBJECT_AGE);
        if (written.isPresent() && written.get().matches("\\d{1,3}")) {
            return java.util.Optional.of(Integer.parseInt(written.get()));
        }
        try {
            java.util.Optional<java.time.LocalDate> dob = form.value(FieldKeys.SUBJECT_DATE_OF_BIRTH)
                    .map(java.time.LocalDate::parse);
            if (dob.isEmpty()) {
                return java.util.Optional.empty();
            }
            java.time.LocalDate at = form.value(FieldKeys.REFERRAL_INCIDENT_DATE).or(() -> form.value(FieldKeys.REFERRAL_DATE))
                    .map(java.time.LocalDate::parse).orElse(received);
            return at.isBefore(dob.get()) ? java.util.Optional.empty()
                    : java.util.Optional.of(java.time.Period.between(dob.get(), at).getYears());
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<Appendix> forAdult(Pathway pathway, FilledForm form, Appendix b) {
        Appendix c = new Appendix("Appendix C: Safeguarding Adults Review decision tool",
                "Care Act 2014 s44: mandatory where s44(1)-(3) are met (died or serious abuse or neglect, and "
                        + "concern about how agencies worked together); discretionary under s44(4).",
                answer(APPENDIX_C, form));
        List<Appendix> out = new ArrayList<>();
        if (pathway == Pathway.DOMESTIC_HOMICIDE) {
            out.add(b);
            out.add(c);
        } else {
            out.add(c);
            out.add(b);
        }
        return out;
    }

    private static List<Question> answer(List<Asked> asked, FilledForm form) {
        List<Question> out = new ArrayList<>();
        for (Asked a : asked) {
            List<Evidence> evidence = new ArrayList<>();
            for (String[] key : a.keys()) {
                form.value(key[0]).ifPresent(v -> evidence.add(new Evidence(key[1], ShownValues.shown(v))));
            }
            out.add(new Question(a.text(), evidence));
        }
        return out;
    }

    private static String[][] personsKeys() {
        List<String[]> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(new String[] {FieldKeys.person(i, "relationship"), "Person " + (char) ('a' + i) + ": relationship"});
        }
        keys.add(new String[] {FieldKeys.INVOLVEMENT_OTHER_AGENCIES_OTHERS, "Others in the family"});
        return keys.toArray(new String[0][]);
    }

    private static String[][] join(String[][] a, String[][] b) {
        String[][] out = new String[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
