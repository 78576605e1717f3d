package uk.gov.redbridge.onepanel.papers.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.ReferralLink;
import uk.gov.redbridge.onepanel.papers.AgendaLine;
import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.papers.PackDraft;
import uk.gov.redbridge.onepanel.papers.PackId;
import uk.gov.redbridge.onepanel.papers.PackRequest;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/** Drafts a meeting's pack, records an issue of it, and tells what changed since the last issue. */
@Component
public class PackIssuer {

    private final PaperCollator collator;
    private final ReferralPaperSource source;
    private final PackRepository repository;
    private final ContentStore contentStore;
    private final PapersSettings settings;
    private final Clock clock;
    private final FamilyLinks links;

    PackIssuer(PaperCollator collator, ReferralPaperSource source, PackRepository repository,
            ContentStore contentStore, PapersSettings settings, Clock clock, FamilyLinks links) {
        this.links = links;
        this.collator = collator;
        this.source = source;
        this.repository = repository;
        this.contentStore = contentStore;
        this.settings = settings;
        this.clock = clock;
    }

    public String manifest(PackRequest request) {
        List<String> lines = new ArrayList<>();
        for (AgendaLine line : request.items()) {
            lines.add(Manifests.itemLine(line));
        }
        for (AgendaLine line : request.items()) {
            if (line.referral() != null) {
                lines.addAll(source.manifest(line.referral()));
                for (ReferralLink l : links.alsoKnownTo(line.referral())) {
                    lines.add(String.join("\t", "LINK", line.referral().toString(), l.other().toString(),
                            l.state().name()));
                }
            }
        }
        return String.join("\n", lines);
    }

    public List<String> pendingChanges(PackRequest request) {
        return repository.latest(request.meetingId())
                .map(last -> Manifests.changes(last.manifest(), manifest(request))).orElse(List.of());
    }

    public PackDraft draft(PackRequest request) {
        String manifest = manifest(request);
        Optional<PackRepository.Row> last = repository.latest(request.meetingId());
        PaperCollator.Built built = collator.pack(request);
        return new PackDraft(request, built.pdf(), built.pages(), built.contents(), built.notConverted(),
                last.map(r -> r.pack().issue()).orElse(0),
                last.map(r -> Manifests.changes(r.manifest(), manifest)).orElse(List.of()), manifest);
    }

    /** Records the draft as the next issue; a draft overtaken by another issue fails on the unique issue number. */
    public IssuedPack issue(PackDraft draft, String actor) {
        ContentId content = contentStore.put(draft.pdf());
        IssuedPack pack = new IssuedPack(new PackId(UUID.randomUUID()), draft.request().meetingId(),
                draft.request().meetingDate(), draft.previousIssue() + 1, clock.instant(), actor, draft.pdf().length,
                draft.pages(), ContentStore.sha256Hex(draft.pdf()), draft.changes(),
                draft.pdf().length < settings.attachBelow().toBytes(), draft.contents(), draft.notConverted());
        repository.insert(pack, content, draft.manifest());
        return pack;
    }

    public Optional<IssuedPack> latest(UUID meetingId) {
        return repository.latest(meetingId).map(PackRepository.Row::pack);
    }

    public List<IssuedPack> forMeeting(UUID meetingId) {
        return repository.forMeeting(meetingId).stream().map(PackRepository.Row::pack).toList();
    }

    public Optional<IssuedPack> find(PackId id) {
        return repository.find(id).map(PackRepository.Row::pack);
    }

    public Optional<byte[]> content(PackId id) {
        return repository.find(id).map(r -> contentStore.get(r.contentId()));
    }

    public uk.gov.redbridge.onepanel.papers.CollatedPapers referralPapers(
            uk.gov.redbridge.onepanel.shared.ReferralReference reference) {
        return collator.referralPapers(reference);
    }
}
