package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.OverdueMilestone;
import uk.gov.redbridge.onepanel.meetings.Review;
import uk.gov.redbridge.onepanel.meetings.ReviewId;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * Agreed reviews, tracked until the final report is shared with the panel: commissioning and reviewer, dated
 * milestones, actions with owners and who oversees them. When the final report is shared the referral closes.
 */
@Component
public class ReviewTracker {

    private final ReviewRepository repository;
    private final ReferralLog referrals;
    private final WorkingDays workingDays;
    private final Clock clock;

    ReviewTracker(ReviewRepository repository, ReferralLog referrals, WorkingDays workingDays, Clock clock) {
        this.repository = repository;
        this.referrals = referrals;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    void open(Decision decision, Referral referral) {
        String holder = decision.standing().dutyHolder() != null ? decision.standing().dutyHolder()
                : referral.pathway().dutyHolder();
        repository.insert(new Review(new ReviewId(UUID.randomUUID()), referral.reference(), decision.id(),
                decision.standing(), holder, Review.State.COMMISSIONED, null, null, null, List.of(), List.of()),
                clock.instant());
    }

    public Review get(ReviewId id) {
        return repository.find(id).orElseThrow(() -> new IllegalArgumentException("no review " + id));
    }

    public Review commission(ReviewId id, LocalDate commissionedOn, String reviewer) {
        Review r = get(id);
        if (r.state() == Review.State.FINAL_REPORT_SHARED) {
            throw new IllegalStateException("the review's final report has been shared");
        }
        repository.update(id, reviewer == null || reviewer.isBlank() ? Review.State.COMMISSIONED
                : Review.State.IN_PROGRESS, commissionedOn, reviewer == null ? null : reviewer.trim(), null,
                clock.instant());
        return get(id);
    }

    public Review addMilestone(ReviewId id, String name, LocalDate due) {
        get(id);
        if (name == null || name.isBlank() || due == null) {
            throw new IllegalArgumentException("a milestone needs a name and a date");
        }
        repository.addMilestone(id, name.trim(), due);
        return get(id);
    }

    public Review completeMilestone(ReviewId id, UUID milestone, LocalDate done) {
        if (!repository.completeMilestone(id, milestone, done == null ? workingDays.today() : done)) {
            throw new IllegalArgumentException("no such milestone on the review");
        }
        return get(id);
    }

    public Review addAction(ReviewId id, String description, String owner, String overseenBy, LocalDate due) {
        get(id);
        if (description == null || description.isBlank() || owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("an action needs a description and an owner");
        }
        repository.addAction(id, description.trim(), owner.trim(), overseenBy, due);
        return get(id);
    }

    public Review completeAction(ReviewId id, UUID action, LocalDate done) {
        if (!repository.completeAction(id, action, done == null ? workingDays.today() : done)) {
            throw new IllegalArgumentException("no such action on the review");
        }
        return get(id);
    }

    /** The final report has been shared with the panel: tracking ends, the referral closes. */
    public Review finalReportShared(ReviewId id, LocalDate on, String actor) {
        Review r = get(id);
        repository.update(id, Review.State.FINAL_REPORT_SHARED, r.commissionedOn(), r.reviewer(),
                on == null ? workingDays.today() : on, clock.instant());
        referrals.note(r.referral(), "REVIEW", "Final report of the " + r.type().label() + " shared with the panel",
                actor);
        referrals.changeStatus(r.referral(), ReferralStatus.CLOSED, actor, "final report shared with the panel");
        return get(id);
    }

    /** Milestones past their date and not done, of reviews still open: most overdue first. */
    public List<OverdueMilestone> overdueMilestones() {
        LocalDate today = workingDays.today();
        List<OverdueMilestone> out = new ArrayList<>();
        for (Review r : repository.all()) {
            if (r.state() == Review.State.FINAL_REPORT_SHARED) {
                continue;
            }
            for (Review.Milestone m : r.milestones()) {
                if (m.overdueOn(today)) {
                    out.add(new OverdueMilestone(r.id(), r.referral(), r.type(), m.name(), m.due(),
                            workingDays.workingDaysBetween(m.due(), today)));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(OverdueMilestone::due));
        return out;
    }
}
