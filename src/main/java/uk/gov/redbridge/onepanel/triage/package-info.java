/**
 * Decides what each stored message is, in the manner of Apache James' mailets: an ordered chain of rules over an
 * immutable view of the message, the first that matches giving the verdict — the service's own mail come back,
 * a delivery failure, an automatic reply, a reply to the service, else a referral candidate (or, for a message
 * with nothing in it, not understood). Every decision is recorded with the rule that made it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "mailbox", "mailparsing", "correspondence"})
package uk.gov.redbridge.onepanel.triage;
