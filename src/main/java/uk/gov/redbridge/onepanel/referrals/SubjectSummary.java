package uk.gov.redbridge.onepanel.referrals;

/** The person the referral is about, as far as the form says. Dates are ISO where they could be read. */
public record SubjectSummary(String firstName, String lastName, String dateOfBirth, Integer age) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? "(name not given)" : name;
    }

    /** Initials only, for places where a name would be too much (e.g. an acknowledgement). */
    public String initials() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {firstName, lastName}) {
            if (part != null && !part.isBlank()) {
                sb.append(Character.toUpperCase(part.trim().charAt(0))).append('.');
            }
        }
        return sb.toString();
    }
}
