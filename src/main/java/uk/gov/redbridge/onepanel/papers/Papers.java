package uk.gov.redbridge.onepanel.papers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.papers.internal.PackIssuer;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Collated papers: a referral's papers as one PDF, and a meeting's pack (agenda, then each referral's papers),
 * drafted, issued and kept. Building reads every document of every referral on the agenda, which takes time:
 * draft outside a transaction, then issue inside the one that sends it.
 */
@Service
public class Papers {

    private final PackIssuer packs;

    Papers(PackIssuer packs) {
        this.packs = packs;
    }

    /**
     * The referral's papers now: cover sheet, contents, the form, everything sent with it, every agency's return.
     *
     * @throws IllegalArgumentException for an unknown referral
     */
    public CollatedPapers referralPapers(ReferralReference reference) {
        return packs.referralPapers(reference);
    }

    /** Builds the pack for an agenda, and says what differs from the meeting's last issued pack. */
    public PackDraft draftPack(PackRequest request) {
        return packs.draft(request, PackProgress.NONE);
    }

    /** As {@link #draftPack(PackRequest)}, telling the progress as each referral's papers are collated. */
    public PackDraft draftPack(PackRequest request, PackProgress progress) {
        return packs.draft(request, progress);
    }

    /** Records a drafted pack as the meeting's next issue, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedPack issue(PackDraft draft, String actor) {
        return packs.issue(draft, actor);
    }

    /**
     * What would change in the meeting's pack if it were built again now (returns that came in late, documents
     * added, items added or taken off): empty when nothing changed, or when no pack was issued yet. Cheap: reads
     * no document.
     */
    public List<String> pendingChanges(PackRequest request) {
        return packs.pendingChanges(request);
    }

    public Optional<IssuedPack> latestPack(UUID meetingId) {
        return packs.latest(meetingId);
    }

    /** Every issue of the meeting's pack, first first. */
    public List<IssuedPack> packs(UUID meetingId) {
        return packs.forMeeting(meetingId);
    }

    public Optional<IssuedPack> findPack(PackId id) {
        return packs.find(id);
    }

    /** The issued pack's PDF. */
    public Optional<byte[]> packContent(PackId id) {
        return packs.content(id);
    }
}
