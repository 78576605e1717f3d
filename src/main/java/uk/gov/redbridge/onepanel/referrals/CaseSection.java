package uk.gov.redbridge.onepanel.referrals;

import java.util.Map;

/**
 * A section another module adds to the case page (the information requests, later the meetings), as the referral
 * log cannot know the modules built on it. The case page renders each section's Thymeleaf fragment, in
 * {@link #order()}, with the section's model under the variable {@code section}; the section's own controller takes
 * its forms.
 */
public interface CaseSection {

    /** Lower comes first. */
    int order();

    /** The fragment to render, e.g. {@code requests/case-section :: section}. */
    String fragment();

    /** What the fragment shows for this referral; no personal data beyond what the case page shows anyway. */
    Map<String, Object> model(Referral referral);
}
