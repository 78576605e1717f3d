package uk.gov.redbridge.onepanel.requests.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.requests.Milestone;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * The dated milestones of a referral's pathway (for children: the national panel notification and the Rapid
 * Review's day-15 report), counted in working days from the day the referral was received, which is when the
 * partnership became aware of the case.
 */
final class Milestones {

    private Milestones() {
    }

    static List<Milestone> of(Referral referral, RequestsSettings.PathwaySettings settings, WorkingDays workingDays) {
        List<Milestone> out = new ArrayList<>();
        settings.milestones().forEach((kind, days) -> out.add(new Milestone(referral.reference(), kind, label(kind),
                workingDays.deadline(workingDays.dateOf(referral.receivedAt()), days))));
        return out;
    }

    /** {@code national-panel-notification} → "National panel notification". */
    static String label(String kind) {
        String words = kind.replace('-', ' ').replace('_', ' ').trim();
        return words.isEmpty() ? kind : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
