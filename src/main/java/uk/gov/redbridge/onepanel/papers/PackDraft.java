package uk.gov.redbridge.onepanel.papers;

import java.util.List;

/**
 * A pack built and not yet issued: {@link Papers#issue} records it (in the caller's transaction, with the email that
 * sends it).
 *
 * @param changes  what differs from the last issue, in words without personal data; empty for a first issue
 * @param manifest what the pack holds, one line a document or return state: compared with the next draft
 */
public record PackDraft(PackRequest request, byte[] pdf, int pages, List<PaperEntry> contents,
        List<NotConverted> notConverted, int previousIssue, List<String> changes, String manifest) {

    public PackDraft {
        contents = List.copyOf(contents);
        notConverted = List.copyOf(notConverted);
        changes = List.copyOf(changes);
    }
}
