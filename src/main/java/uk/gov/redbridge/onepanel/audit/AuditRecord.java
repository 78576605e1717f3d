package uk.gov.redbridge.onepanel.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log. Only ids and references: never a name, an address or a value from a form.
 *
 * @param actor   the user name, or {@code system} for the service itself
 * @param action  what was done, as a dotted name ({@code case.viewed}, {@code document.downloaded},
 *                {@code exception.resolved}); the pages show it in words
 * @param ip      where the request came from (null for the service's own changes)
 * @param outcome the HTTP status of a request ({@code 200}, {@code 303}, {@code 404}), or {@code done} for a change
 * @param detail  a few words without personal data (a resolution code, a status change)
 */
public record AuditRecord(Instant at, String actor, String action, String referralReference, UUID exceptionId,
        UUID documentId, UUID messageId, String ip, String outcome, String detail) {
}
