package uk.gov.redbridge.onepanel.meetings;

import java.util.Locale;
import java.util.Optional;

/** What the panel may recommend, and the board or partnership decide (terms of reference, section 7). */
public enum Recommendation {
    SAR("RSAB", true),
    CSPR("RSCP", true),
    /** Domestic Homicide Review, being renamed Domestic Abuse Related Death Review: both names are shown. */
    DHR("CSP", true),
    NON_STATUTORY_REVIEW(null, false),
    INTERNAL_REVIEW(null, false),
    NO_REVIEW(null, false);

    private final String dutyHolder;
    private final boolean statutory;

    Recommendation(String dutyHolder, boolean statutory) {
        this.dutyHolder = dutyHolder;
        this.statutory = statutory;
    }

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }

    /** The board or partnership that holds the duty for a statutory review; null for the others. */
    public String dutyHolder() {
        return dutyHolder;
    }

    public boolean statutory() {
        return statutory;
    }

    /** A review of any kind follows (and is tracked until its final report is shared). */
    public boolean isReview() {
        return this != NO_REVIEW;
    }

    /** By name, in any case; DARDR is accepted for DHR, and a few common wordings. */
    public static Optional<Recommendation> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        switch (t) {
            case "DARDR":
            case "DHR_DARDR":
                return Optional.of(DHR);
            case "NON_STATUTORY":
                return Optional.of(NON_STATUTORY_REVIEW);
            case "INTERNAL":
            case "SINGLE_AGENCY_REVIEW":
                return Optional.of(INTERNAL_REVIEW);
            case "NONE":
                return Optional.of(NO_REVIEW);
            default:
                for (Recommendation r : values()) {
                    if (r.name().equals(t)) {
                        return Optional.of(r);
                    }
                }
                return Optional.empty();
        }
    }
}
