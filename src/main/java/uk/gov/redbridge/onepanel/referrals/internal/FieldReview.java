package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.Provenance;
import uk.gov.redbridge.onepanel.referrals.FieldCorrection;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralFieldsReviewed;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;

/**
 * The secretariat's field review. Each field they change becomes the form's value (confidence 1, the place it was
 * read kept), and each doubtful field they leave as it is counts as confirmed; both are recorded as corrections
 * with the machine's own value and confidence beside them, so the machine's reading is never lost and extraction
 * quality can be measured. Values arrive already checked and normalised by the page.
 */
@Component
public class FieldReview {

    private final FieldRecords fieldRecords;
    private final ReferralWriter writer;
    private final FormExtractor extractor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FieldReview(FieldRecords fieldRecords, ReferralWriter writer, FormExtractor extractor,
            ApplicationEventPublisher events, Clock clock) {
        this.fieldRecords = fieldRecords;
        this.writer = writer;
        this.extractor = extractor;
        this.events = events;
        this.clock = clock;
    }

    /** Fields below this confidence, or failing a check, are shown as doubtful. */
    public double threshold() {
        return extractor.reviewThreshold();
    }

    /**
     * @param values the page's values by canonical key; a key not given is left as it is, a blank value clears
     *               the field
     * @return how many fields changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int confirm(Referral referral, Map<String, String> values, String actor) {
        Instant now = clock.instant();
        FilledForm form = referral.form();
        List<String> doubtful = form.needingReview(extractor.reviewThreshold()).stream().map(ExtractedField::key)
                .toList();
        List<FieldCorrection> earlier = fieldRecords.corrections(referral.id());
        int changed = 0;
        int confirmed = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            Optional<ExtractedField> current = form.field(key);
            String previous = current.map(ExtractedField::value).orElse("");
            boolean differs = !previous.equals(value);
            if (!differs && !doubtful.contains(key)) {
                continue;
            }
            Machine machine = machineReading(key, current, earlier);
            fieldRecords.addCorrection(referral.id(), new FieldCorrection(key, form.mappingId(), machine.value(),
                    machine.confidence(), current.map(ExtractedField::value).orElse(null), value.isEmpty() ? null : value,
                    differs, actor, now), machine.problems());
            form = differs ? form.corrected(key, value, actor) : confirmedAsRead(form, key, actor);
            if (differs) {
                changed++;
            } else {
                confirmed++;
            }
        }
        writer.replaceForm(referral.id(), form, actor, "Fields reviewed: " + changed + " corrected, " + confirmed
                + " confirmed as read");
        // the person saw every value a later form gave beside the held one, and chose: settled
        fieldRecords.settleConflicts(referral.id(), now, actor);
        if (referral.status() == ReferralStatus.NEEDS_INFORMATION && RequiredFields.missing(form).isEmpty()) {
            writer.changeStatus(referral.id(), ReferralStatus.RECEIVED, actor,
                    "the review supplied the missing information");
        }
        events.publishEvent(new ReferralFieldsReviewed(referral.id(), referral.reference(), changed, confirmed,
                actor));
        return changed;
    }

    private record Machine(String value, Double confidence, String problems) {
    }

    /**
     * What extraction itself read: the first correction of the field remembers it; before any correction, the field
     * as it stands is the machine's.
     */
    private static Machine machineReading(String key, Optional<ExtractedField> current, List<FieldCorrection> earlier) {
        Optional<FieldCorrection> first = earlier.stream().filter(c -> c.key().equals(key)).findFirst();
        if (first.isPresent()) {
            return new Machine(first.get().machineValue(), first.get().machineConfidence(), null);
        }
        return current.map(f -> new Machine(f.value(), f.confidence(),
                f.problems().isEmpty() ? null : String.join("; ", f.problems())))
                .orElse(new Machine(null, null, null));
    }

    /** The same value, now vouched for by a person: full confidence, no open problems, the place it was read kept. */
    private static FilledForm confirmedAsRead(FilledForm form, String key, String actor) {
        List<ExtractedField> out = new ArrayList<>();
        for (ExtractedField f : form.fields()) {
            if (!Objects.equals(f.key(), key)) {
                out.add(f);
                continue;
            }
            Provenance p = f.provenance();
            String location = (p == null || p.location() == null ? "" : p.location() + "; ") + "confirmed by " + actor;
            out.add(new ExtractedField(key, f.value(), f.asWritten(), 1.0,
                    new Provenance(p == null ? null : p.file(), p == null ? null : p.page(), location,
                            p == null ? null : p.label()),
                    List.of()));
        }
        return new FilledForm(form.mappingId(), out);
    }
}
