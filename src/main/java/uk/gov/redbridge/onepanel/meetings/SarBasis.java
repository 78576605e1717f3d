package uk.gov.redbridge.onepanel.meetings;

/** For a Safeguarding Adults Review: every SAR is statutory; it is mandatory or discretionary (Care Act 2014 s44). */
public enum SarBasis {
    MANDATORY,
    DISCRETIONARY;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
