package uk.gov.redbridge.onepanel.papers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pack as issued to the members: the first issue, or a re-issue when papers changed after it.
 *
 * @param issue        1 for the first issue, then 2, 3 ...
 * @param changes      what this issue adds to or changes from the one before, in words without personal data
 *                     ("OP-2026-0003: return from MPS added"); empty for the first issue
 * @param fitsInEmail  small enough to attach ({@code onepanel.papers.attach-below}); else members get a link
 * @param notConverted documents listed on cover sheets and attached as they are
 */
public record IssuedPack(PackId id, UUID meetingId, LocalDate meetingDate, int issue, Instant issuedAt,
        String issuedBy, long size, int pages, String sha256, List<String> changes, boolean fitsInEmail,
        List<PaperEntry> contents, List<NotConverted> notConverted) {

    public IssuedPack {
        changes = List.copyOf(changes);
        contents = List.copyOf(contents);
        notConverted = List.copyOf(notConverted);
    }

    public String fileName() {
        return "one-panel-pack-" + meetingDate + "-issue-" + issue + ".pdf";
    }
}
