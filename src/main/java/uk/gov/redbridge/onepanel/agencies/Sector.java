package uk.gov.redbridge.onepanel.agencies;

/**
 * The kind of service an agency provides. The panel is quorate only when certain sectors are represented
 * ({@code onepanel.agencies.quorum-sectors}; the terms of reference name health, children's social care, adults'
 * social care, community safety and the police).
 */
public enum Sector {
    HEALTH,
    CHILDRENS_SOCIAL_CARE,
    ADULTS_SOCIAL_CARE,
    COMMUNITY_SAFETY,
    POLICE,
    HOUSING,
    PROBATION,
    VOLUNTARY_SECTOR,
    PUBLIC_HEALTH,
    LEGAL,
    EDUCATION;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
