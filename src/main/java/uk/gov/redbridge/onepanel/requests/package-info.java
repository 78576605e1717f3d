/**
 * Information requests to partner agencies and their returns: one request per agency per referral (as the agency
 * directory lists for the pathway), held as a draft for a configurable time so the secretariat can add or remove an
 * agency, then sent through the outbox with a return form attached, a subject token {@code [OP-2026-0001/NELFT]},
 * a remembered Message-ID and a reply address unique to the request. Replies are matched (threading, reply address,
 * subject token, sender and reference), recorded with the rule that matched, and stored with the request; deadlines
 * are counted in working days, and a daily job sends reminders, marks overdue requests, escalates them and sends the
 * secretariat a digest, once each, catching up after downtime.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "referrals", "agencies", "workingdays",
        "correspondence", "mailbox", "mailparsing", "triage", "extraction", "storage"})
package uk.gov.redbridge.onepanel.requests;
