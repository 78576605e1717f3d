package uk.gov.redbridge.onepanel.links.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.internal.LinkDecisions;
import uk.gov.redbridge.onepanel.referrals.CaseSection;
import uk.gov.redbridge.onepanel.referrals.Referral;

/**
 * The case page's "Family and linked referrals": the other referrals that share a person with this one, their
 * pathway, status and outcome, who links them and why; the secretariat confirms or rejects each link. Only links to
 * referrals the user may see.
 */
@Component
class LinksCaseSection implements CaseSection {

    private final FamilyLinks links;

    LinksCaseSection(FamilyLinks links) {
        this.links = links;
    }

    @Override
    public int order() {
        // right after the people of the form: Think Family is about them
        return 5;
    }

    @Override
    public String fragment() {
        return "links/case-section :: section";
    }

    @Override
    public Map<String, Object> model(Referral referral) {
        Map<String, Object> model = new HashMap<>();
        model.put("links", links.of(referral.reference(), Viewers.current()));
        model.put("maxReason", LinkDecisions.MAX_REASON);
        return model;
    }
}
