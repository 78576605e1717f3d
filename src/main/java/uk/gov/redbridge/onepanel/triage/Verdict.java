package uk.gov.redbridge.onepanel.triage;

/** What a message is. */
public enum Verdict {
    /** May hold an Appendix E form: intake reads it and makes a referral, or an exception. */
    REFERRAL,
    /** A reply to mail the service sent, or a message naming a referral reference. */
    REPLY,
    /** Out-of-office and other automatic replies: recorded, never answered, never a return. */
    AUTO_REPLY,
    /** A delivery failure report (bounce) for mail the service sent. */
    DELIVERY_FAILURE,
    /** Bulk or list mail (newsletters, bulletins): recorded and logged, never read as a referral, never answered. */
    BULK,
    /** The service's own mail, come back (a loop): recorded, nothing else. */
    OWN_MAIL,
    /** Nothing the service can act on (e.g. an empty message): an exception for the secretariat. */
    NOT_UNDERSTOOD
}
