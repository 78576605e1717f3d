package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;

/**
 * What the secretariat cannot start without (issue 2, item 7): the subject's name, their date of birth or age, the
 * reason for referral, and a way to contact the referrer. The labels are what the referrer is asked for.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    static List<String> missing(FilledForm form) {
        List<String> missing = new ArrayList<>();
        if (form.value(FieldKeys.SUBJECT_FIRST_NAME).isEmpty() && form.value(FieldKeys.SUBJECT_LAST_NAME).isEmpty()) {
            missing.add("the subject's name");
        }
        if (form.value(FieldKeys.SUBJECT_DATE_OF_BIRTH).isEmpty() && form.value(FieldKeys.SUBJECT_AGE).isEmpty()) {
            missing.add("the subject's date of birth or age");
        }
        if (form.value(FieldKeys.REFERRAL_REASON).isEmpty()) {
            missing.add("the reason for referral");
        }
        if (form.value(FieldKeys.REFERRER_PHONE).isEmpty() && form.value(FieldKeys.REFERRER_EMAIL).isEmpty()) {
            missing.add("the referrer's telephone number or email address");
        }
        return missing;
    }
}
