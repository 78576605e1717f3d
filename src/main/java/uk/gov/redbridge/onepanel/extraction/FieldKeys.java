package uk.gov.redbridge.onepanel.extraction;

/**
 * The canonical keys of the form's fields (FIELDS.md) that the service's own code reads by name: one place for them,
 * checked against {@code form-mappings/} by {@code FieldKeysTests}. A list of fields to show or print comes from
 * {@link FormLayout}, not from here.
 */
public final class FieldKeys {

    public static final String REFERRAL_DATE = "referral.date";
    public static final String REFERRAL_REASON = "referral.reason";
    public static final String REFERRAL_INCIDENT_DATE = "referral.incident_date";
    public static final String SUBJECT_FIRST_NAME = "subject.first_name";
    public static final String SUBJECT_LAST_NAME = "subject.last_name";
    public static final String SUBJECT_OTHER_NAMES = "subject.other_names";
    public static final String SUBJECT_DATE_OF_BIRTH = "subject.date_of_birth";
    public static final String SUBJECT_AGE = "subject.age";
    public static final String SUBJECT_GENDER = "subject.gender";
    public static final String SUBJECT_ETHNICITY = "subject.ethnicity";
    public static final String SUBJECT_DISABILITY = "subject.disability";
    public static final String SUBJECT_NHS_NUMBER = "subject.nhs_number";
    public static final String SUBJECT_POSTMORTEM_RESULT = "subject.postmortem_result";
    public static final String SUBJECT_ADDRESS = "subject.address";
    public static final String INVOLVEMENT_STATUS_SUBJECT = "involvement.status.subject";
    public static final String INVOLVEMENT_SUMMARY_SUBJECT = "involvement.summary.subject";
    public static final String INVOLVEMENT_OTHER_AGENCIES_SUBJECT = "involvement.other_agencies.subject";
    public static final String INVOLVEMENT_OTHER_AGENCIES_OTHERS = "involvement.other_agencies.others";
    public static final String INVOLVEMENT_PARTNERSHIP_WORKING = "involvement.partnership_working";
    public static final String REFERRER_NAME = "referrer.name";
    public static final String REFERRER_AGENCY = "referrer.agency";
    public static final String REFERRER_ROLE = "referrer.role";
    public static final String REFERRER_PHONE = "referrer.phone";
    public static final String REFERRER_EMAIL = "referrer.email";
    public static final String REFERRER_INTERNAL_REVIEW = "referrer.internal_review";
    public static final String REFERRER_LESSONS_LEARNT = "referrer.lessons_learnt";
    public static final String REFERRER_CONSIDERATIONS = "referrer.considerations";
    public static final String DECISION_MEETING_DATE = "decision.meeting_date";
    public static final String DECISION_RECOMMENDATION = "decision.recommendation";
    public static final String DECISION_FOLLOW_UP = "decision.follow_up";

    /** The persons section: {@code persons.N.name}. */
    public static final String PERSONS = "persons";

    private FieldKeys() {
    }

    /** A person's field: {@code person(0, "name")} is {@code persons.0.name}. */
    public static String person(int index, String field) {
        return PERSONS + "." + index + "." + field;
    }
}
