/**
 * Outbound mail: renders {@code mail-templates/}, keeps the outbox (a row per email with a stable Message-ID,
 * written in the transaction of the change that causes it), sends it with retry and backoff, refuses recipients
 * outside the allowed domains, and never resends blindly a mail caught mid-send by a crash (it becomes UNCERTAIN
 * for the secretariat). Every email it builds carries {@code Auto-Submitted: auto-generated} and the service's loop
 * header.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage", "mailbox", "agencies"})
package uk.gov.redbridge.onepanel.correspondence;
