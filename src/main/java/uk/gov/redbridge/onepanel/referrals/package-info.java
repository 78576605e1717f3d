/**
 * The referral log: reference numbers ({@code OP-YYYY-NNNN}, sequential per year, never reused), pathway, subject
 * and persons from the extracted form, documents and messages, lifecycle, acknowledgements, and the secretariat's
 * corrections. Intake turns a referral message into a referral (or an exception with a specific reason); replies
 * are routed through {@link uk.gov.redbridge.onepanel.referrals.ReplyHandler}s.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "mailbox", "mailparsing", "triage", "extraction",
        "correspondence", "storage", "agencies"})
package uk.gov.redbridge.onepanel.referrals;
