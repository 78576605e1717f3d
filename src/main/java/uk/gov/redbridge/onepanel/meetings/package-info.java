/**
 * Panel meetings: a monthly schedule with a papers deadline in working days; the agenda (every referral ready for
 * the panel, and items the secretariat adds); the pack issued to members by the deadline and re-issued when papers
 * change; attendance by agency and person; quorum from the agency directory's sectors; one vote per agency; the
 * panel's recommendation and the board's decision, with outcome emails and section 6 of the form; further
 * information by email; tracking of agreed reviews; and the annual review's figures. It prepares; people decide.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "referrals", "requests", "papers",
        "agencies", "correspondence", "workingdays", "mailparsing", "links"})
package uk.gov.redbridge.onepanel.meetings;
