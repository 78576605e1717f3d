package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.RequestSent;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.Deadline;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * Sends drafts: each is claimed (DRAFT → SENT, a conditional update) and its email queued in the same transaction,
 * so a draft goes once however many instances look. The deadline starts on the day it is sent.
 */
@Component
class RequestDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
    /** A referral in one of these may still get its requests; a later one (decided, closed) does not. */
    private static final Set<ReferralStatus> SENDABLE = Set.of(ReferralStatus.RECEIVED, ReferralStatus.SCREENING);

    private final RequestRepository repository;
    private final RequestMails mails;
    private final ReferralLog referrals;
    private final ScreeningProgress progress;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final uk.gov.redbridge.onepanel.agencies.AgencyDirectory directory;

    RequestDispatcher(RequestRepository repository, RequestMails mails, ReferralLog referrals,
            ScreeningProgress progress, WorkingDays workingDays, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock, uk.gov.redbridge.onepanel.agencies.AgencyDirectory directory) {
        this.directory = directory;
        this.repository = repository;
        this.mails = mails;
        this.referrals = referrals;
        this.progress = progress;
        this.workingDays = workingDays;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Sends every draft whose hold has ended, one referral per transaction; how many went, empty if locked. */
    @SchedulerLock(name = "requests-send-drafts", lockAtMostFor = "PT10M")
    public Optional<Integer> sendDue() {
        int sent = 0;
        for (ReferralReference reference : repository.referralsWithDraftsDue(clock.instant())) {
            try {
                Integer n = tx.execute(status -> sendDrafts(reference, false, ScreeningProgress.SYSTEM));
                sent += n == null ? 0 : n;
            } catch (RuntimeException e) {
                log.error("Information requests for {} could not be sent; will try again", reference, e);
            }
        }
        return Optional.of(sent);
    }

    /**
     * Sends the referral's drafts: those whose hold has ended, or all of them when {@code evenIfHeld}.
     *
     * @return how many were sent
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int sendDrafts(ReferralReference reference, boolean evenIfHeld, String actor) {
        Referral referral = referrals.find(reference)
                .orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        Instant now = clock.instant();
        List<InformationRequest> drafts = repository.forReferral(reference).stream()
                .filter(r -> r.status() == RequestStatus.DRAFT)
                .filter(r -> evenIfHeld || !r.sendAfter().isAfter(now)).toList();
        if (drafts.isEmpty()) {
            return 0;
        }
        if (referral.status() == ReferralStatus.NEEDS_INFORMATION) {
            return 0;
        }
        if (!SENDABLE.contains(referral.status())) {
            drafts.forEach(r -> repository.changeStatus(r.id(), Set.of(RequestStatus.DRAFT), RequestStatus.CANCELLED, now));
            referrals.note(reference, "REQUESTS", drafts.size() + " draft information requests cancelled: the "
                    + "referral is " + referral.status().label().toLowerCase(java.util.Locale.ROOT), actor);
            return 0;
        }
        Deadline deadline = null;
        List<String> sentTo = new ArrayList<>();
        for (InformationRequest draft : drafts) {
            if (!repository.changeStatus(draft.id(), Set.of(RequestStatus.DRAFT), RequestStatus.SENT, now)) {
                continue;
            }
            deadline = workingDays.deadline(workingDays.dateOf(now), draft.workingDays());
            QueuedMail mail = mails.request(draft, referral, deadline);
            repository.recordSent(draft.id(), now, deadline, mail.id().value(), mail.messageId());
            if (mail.state() == OutboundState.BLOCKED) {
                repository.markDeliveryProblem(draft.id(), "the outbox refused to send it (see the exceptions queue)",
                        now);
            }
            events.publishEvent(new RequestSent(draft.id(), reference, draft.agencyCode()));
            sentTo.add(directory.nameOf(draft.agencyCode()));
        }
        if (sentTo.isEmpty()) {
            return 0;
        }
        referrals.note(reference, "REQUESTS", "Information requests sent to " + sentTo.size() + " agencies ("
                + String.join("; ", sentTo) + ")"
                + "; due " + RequestMails.DATE.format(deadline.due()) + " (" + deadline.workingDays()
                + " working days, " + deadline.convention() + ")", actor);
        progress.requestsSent(reference, sentTo.size());
        log.info("Information requests for {} sent to {} agencies", reference, sentTo.size());
        return sentTo.size();
    }
}
