/**
 * The exceptions queue: everything the machine could not settle (a message with no form, an encrypted attachment,
 * a reply it could not match, a bounce, a mail it would not or could not send), each with a reason code, a plain
 * explanation without personal data, links to the message, referral or mail, and a status. It learns of them from
 * the other modules' events; the secretariat resolves them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "mailbox", "mailparsing", "triage", "referrals",
        "correspondence", "agencies", "extraction", "requests"})
package uk.gov.redbridge.onepanel.exceptions;
