package uk.gov.redbridge.onepanel.links;

/** One reason two people were taken to be one, or to live together. */
public enum Evidence {
    NHS_NUMBER,
    NAME_AND_DATE_OF_BIRTH,
    NAME_SPELT_DIFFERENTLY_AND_DATE_OF_BIRTH,
    INITIAL_SURNAME_AND_DATE_OF_BIRTH,
    NAME_AND_ADDRESS,
    SAME_ADDRESS,
    /** Weak: a name alone, where one of the two has no date of birth. Never a link by itself. */
    NAME_ONLY,
    /** Weak: the NHS numbers agree but the dates of birth do not. */
    NHS_NUMBER_BUT_DATES_OF_BIRTH_DIFFER,
    /** A note on a name match: a nickname of the same name (Bob and Robert). */
    NICKNAME,
    /** A note on a name match: first and last names written the other way round. */
    NAMES_SWAPPED;

    /** In plain words (words/links.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }

    /** A note qualifies another piece of evidence; it is not evidence by itself. */
    public boolean isNote() {
        return this == NICKNAME || this == NAMES_SWAPPED;
    }
}
