package uk.gov.redbridge.onepanel.agencies;

/**
 * The kind of service an agency provides. The panel is quorate only when certain sectors are represented
 * ({@code onepanel.agencies.quorum-sectors}; the terms of reference name health, children's social care, adults'
 * social care, community safety and the police).
 */
public enum Sector {
    HEALTH("Health"),
    CHILDRENS_SOCIAL_CARE("Children's social care"),
    ADULTS_SOCIAL_CARE("Adults' social care"),
    COMMUNITY_SAFETY("Community safety"),
    POLICE("Police"),
    HOUSING("Housing"),
    PROBATION("Probation"),
    VOLUNTARY_SECTOR("Voluntary and community sector"),
    PUBLIC_HEALTH("Public health"),
    LEGAL("Legal services"),
    EDUCATION("Education");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
