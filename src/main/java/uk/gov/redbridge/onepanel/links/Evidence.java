package uk.gov.redbridge.onepanel.links;

/** One reason two people were taken to be one, or to live together. */
public enum Evidence {
    NHS_NUMBER("NHS number"),
    NAME_AND_DATE_OF_BIRTH("name and date of birth"),
    NAME_SPELT_DIFFERENTLY_AND_DATE_OF_BIRTH("name spelt differently, same date of birth"),
    INITIAL_SURNAME_AND_DATE_OF_BIRTH("initial, surname and date of birth"),
    NAME_AND_ADDRESS("name and address"),
    SAME_ADDRESS("same postcode and house number"),
    /** Weak: a name alone, where one of the two has no date of birth. Never a link by itself. */
    NAME_ONLY("same name, no date of birth to compare"),
    /** Weak: the NHS numbers agree but the dates of birth do not. */
    NHS_NUMBER_BUT_DATES_OF_BIRTH_DIFFER("NHS number, but the dates of birth differ"),
    /** A note on a name match: a nickname of the same name (Bob and Robert). */
    NICKNAME("a nickname of the same name"),
    /** A note on a name match: first and last names written the other way round. */
    NAMES_SWAPPED("first and last names the other way round");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A note qualifies another piece of evidence; it is not evidence by itself. */
    public boolean isNote() {
        return this == NICKNAME || this == NAMES_SWAPPED;
    }
}
