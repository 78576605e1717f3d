package uk.gov.redbridge.onepanel.papers;

import java.util.List;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** One referral's papers as a PDF. */
public record CollatedPapers(ReferralReference reference, byte[] pdf, int pages, List<PaperEntry> contents,
        List<NotConverted> notConverted) {

    public CollatedPapers {
        contents = List.copyOf(contents);
        notConverted = List.copyOf(notConverted);
    }

    public String fileName() {
        return reference + "-papers.pdf";
    }
}
