package uk.gov.redbridge.onepanel.referrals;

import java.util.List;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Refused: an email would join a referral other than the one (or ones) it names itself in its subject or address.
 * A person may still attach it there, but only saying so explicitly: data of one case must never reach another
 * silently.
 */
public class MessageNamesAnotherReferral extends IllegalStateException {

    private final transient List<ReferralReference> named;
    private final transient ReferralReference chosen;

    public MessageNamesAnotherReferral(List<ReferralReference> named, ReferralReference chosen) {
        super("the email names " + named + ", not " + chosen);
        this.named = List.copyOf(named);
        this.chosen = chosen;
    }

    public List<ReferralReference> named() {
        return named;
    }

    public ReferralReference chosen() {
        return chosen;
    }
}
