package uk.gov.redbridge.onepanel.meetings;

/**
 * A member of the panel, from {@code onepanel.meetings.members}.
 *
 * @param agency the agency code in the directory the member represents
 * @param chair  the panel's chair
 */
public record PanelMember(String name, String role, String agency, String email, boolean chair) {
}
