package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * @param mailboxPathways       the pathway a mailbox implies (e.g. rsab: ADULTS_SAR); a mailbox not listed (the One
 *                              Panel mailbox) leaves the pathway to the form
 * @param domesticHomicideWords words in the reason for referral that point to a domestic homicide review, for an
 *                              adult subject referred to a mailbox without a pathway of its own
 * @param childUnder            a subject younger than this is a child (children's pathway)
 */
@ConfigurationProperties("onepanel.referrals")
record ReferralsSettings(
        Map<String, Pathway> mailboxPathways,
        @DefaultValue({"domestic homicide", "dhr", "dardr", "domestic abuse related death", "homicide", "killed",
                "murder", "manslaughter", "charged with", "assault at home by", "by her partner", "by his partner",
                "by her husband", "by his wife", "coercive control"}) List<String> domesticHomicideWords,
        @DefaultValue("18") int childUnder) {

    ReferralsSettings {
        mailboxPathways = mailboxPathways == null ? Map.of() : Map.copyOf(mailboxPathways);
    }
}
