package uk.gov.redbridge.onepanel.meetings.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.papers.IssuedPack;

/** Issuing a pack by hand, for the facade. */
@Component
public class PackIssuing {

    private final MeetingBook book;
    private final PackDistribution distribution;

    PackIssuing(MeetingBook book, PackDistribution distribution) {
        this.book = book;
        this.distribution = distribution;
    }

    public Optional<IssuedPack> issueNow(MeetingId id, String actor) {
        return distribution.issueNow(book.get(id), actor);
    }
}
