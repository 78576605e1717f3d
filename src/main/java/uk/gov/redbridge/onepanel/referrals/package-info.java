/**
 * The referral log: reference numbers ({@code OP-YYYY-NNNN}, sequential per year, never reused), pathway, subject
 * and persons from the extracted form, documents and messages, lifecycle, acknowledgements, and the secretariat's
 * corrections. Intake turns a referral message into a referral (or an exception with a specific reason); replies
 * are recognised by {@link uk.gov.redbridge.onepanel.referrals.ReplyHandler}s and recorded by the module that
 * recognised them when it hears {@link uk.gov.redbridge.onepanel.referrals.ReplyRecognised}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "mailbox", "mailparsing", "triage", "extraction",
        "correspondence", "storage", "agencies"})
package uk.gov.redbridge.onepanel.referrals;
