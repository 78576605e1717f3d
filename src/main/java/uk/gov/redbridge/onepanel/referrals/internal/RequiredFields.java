package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.ArrayList;
import java.util.List;

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
        if (form.value("subject.first_name").isEmpty() && form.value("subject.last_name").isEmpty()) {
            missing.add("the subject's name");
        }
        if (form.value("subject.date_of_birth").isEmpty() && form.value("subject.age").isEmpty()) {
            missing.add("the subject's date of birth or age");
        }
        if (form.value("referral.reason").isEmpty()) {
            missing.add("the reason for referral");
        }
        if (form.value("referrer.phone").isEmpty() && form.value("referrer.email").isEmpty()) {
            missing.add("the referrer's telephone number or email address");
        }
        return missing;
    }
}
