package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.RequestAction;
import uk.gov.redbridge.onepanel.requests.RequestOverdue;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * The daily pass over open requests, one referral per transaction: reminders on their days, the overdue notice and
 * the OVERDUE status the day after the due date, and one escalation email per referral to the secretariat on the
 * configured working day after it. Every step is a row keyed by (request, kind) written with its email, so a second
 * run the same day does nothing, and a run after days of downtime does each step once: it sends the latest reminder
 * that is due and records the earlier ones as skipped, and it sends no reminder for a request already overdue.
 */
@Component
class DeadlineSweep {

    static final String ESCALATION_TEMPLATE = "information-request-escalation";
    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final Set<RequestStatus> WAITING = Set.of(RequestStatus.SENT, RequestStatus.REMINDED);
    private static final Set<ReferralStatus> DECIDED = Set.of(ReferralStatus.DECIDED,
            ReferralStatus.REVIEW_IN_PROGRESS, ReferralStatus.CLOSED);

    record Counts(int reminders, int overdue, int escalated) {

        Counts plus(Counts other) {
            return new Counts(reminders + other.reminders, overdue + other.overdue, escalated + other.escalated);
        }
    }

    private final RequestRepository repository;
    private final RequestActions actions;
    private final RequestMails mails;
    private final Correspondence correspondence;
    private final ReferralLog referrals;
    private final ScreeningProgress progress;
    private final WorkingDays workingDays;
    private final RequestsSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadlineSweep(RequestRepository repository, RequestActions actions, RequestMails mails,
            Correspondence correspondence, ReferralLog referrals, ScreeningProgress progress, WorkingDays workingDays,
            RequestsSettings settings, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.actions = actions;
        this.mails = mails;
        this.correspondence = correspondence;
        this.referrals = referrals;
        this.progress = progress;
        this.workingDays = workingDays;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Counts run() {
        LocalDate today = workingDays.today();
        Counts total = new Counts(0, 0, 0);
        for (ReferralReference reference : repository.referralsWithStatus(
                Set.of(RequestStatus.SENT, RequestStatus.REMINDED, RequestStatus.OVERDUE))) {
            try {
                Counts counts = tx.execute(status -> sweep(reference, today));
                total = total.plus(counts);
            } catch (RuntimeException e) {
                log.error("Deadline check for {} failed; the next run tries again", reference, e);
            }
        }
        return total;
    }

    private Counts sweep(ReferralReference reference, LocalDate today) {
        if (referrals.find(reference).map(r -> DECIDED.contains(r.status())).orElse(true)) {
            return new Counts(0, 0, 0); // the panel has decided: nobody is chased any more
        }
        Instant now = clock.instant();
        int reminders = 0;
        int overdue = 0;
        List<InformationRequest> toEscalate = new ArrayList<>();
        for (InformationRequest request : repository.forReferral(reference)) {
            if (request.deadline() == null) {
                continue;
            }
            RequestsSettings.PathwaySettings pathway = settings.pathway(request.pathway());
            InformationRequest current = request;
            if (WAITING.contains(request.status())) {
                if (request.deadline().isOverdueOn(today)) {
                    overdue += markOverdue(request, pathway, now) ? 1 : 0;
                    current = repository.find(request.id()).orElse(request);
                } else {
                    reminders += remind(request, pathway, today, now) ? 1 : 0;
                }
            }
            LocalDate escalateOn = workingDays.addWorkingDays(request.deadline().due(), pathway.escalateAfter());
            if (current.status() == RequestStatus.OVERDUE && !today.isBefore(escalateOn)
                    && !actions.hasAction(request.id(), "escalation")) {
                toEscalate.add(current);
            }
        }
        if (!toEscalate.isEmpty()) {
            escalate(reference, toEscalate, today, now);
        }
        progress.check(reference);
        return new Counts(reminders, overdue, toEscalate.size());
    }

    /** Sends the latest reminder that is due and not done; earlier ones not done are recorded as skipped. */
    private boolean remind(InformationRequest request, RequestsSettings.PathwaySettings pathway, LocalDate today,
            Instant now) {
        LocalDate due = request.deadline().due();
        List<Integer> dueOffsets = pathway.reminders().stream()
                .filter(offset -> !workingDays.addWorkingDays(due, offset).isAfter(today))
                .filter(offset -> !actions.hasAction(request.id(), reminderKind(offset)))
                .toList();
        if (dueOffsets.isEmpty()) {
            return false;
        }
        int latest = dueOffsets.get(dueOffsets.size() - 1);
        for (int offset : dueOffsets.subList(0, dueOffsets.size() - 1)) {
            actions.insertAction(request.id(), new RequestAction(reminderKind(offset),
                    workingDays.addWorkingDays(due, offset), now, "SKIPPED", null,
                    "overtaken by the reminder of " + workingDays.addWorkingDays(due, latest), null));
        }
        String whenDue = due.equals(today) ? "today" : due.equals(today.plusDays(1)) ? "tomorrow"
                : "on " + RequestMails.DATE.format(due);
        QueuedMail mail = mails.reminder(request, whenDue);
        actions.insertAction(request.id(), new RequestAction(reminderKind(latest),
                workingDays.addWorkingDays(due, latest), now, outcome(mail), mail.id().value(), "due " + whenDue,
                null));
        repository.changeStatus(request.id(), Set.of(RequestStatus.SENT), RequestStatus.REMINDED, now);
        referrals.note(request.reference(), "REMINDER", "Reminder sent for the request " + request.token()
                + " (due " + whenDue + ")", ScreeningProgress.SYSTEM);
        return true;
    }

    private boolean markOverdue(InformationRequest request, RequestsSettings.PathwaySettings pathway, Instant now) {
        LocalDate due = request.deadline().due();
        for (int offset : pathway.reminders()) {
            if (!actions.hasAction(request.id(), reminderKind(offset))) {
                actions.insertAction(request.id(), new RequestAction(reminderKind(offset),
                        workingDays.addWorkingDays(due, offset), now, "SKIPPED", null,
                        "the due date had passed when the check ran", null));
            }
        }
        if (!repository.changeStatus(request.id(), WAITING, RequestStatus.OVERDUE, now)) {
            return false;
        }
        if (!actions.hasAction(request.id(), "overdue")) {
            QueuedMail mail = mails.overdue(request);
            actions.insertAction(request.id(), new RequestAction("overdue", due.plusDays(1), now, outcome(mail),
                    mail.id().value(), "overdue notice to the agency", null));
        }
        events.publishEvent(new RequestOverdue(request.id(), request.reference(), request.agencyCode()));
        referrals.note(request.reference(), "REQUEST_OVERDUE", "The request " + request.token() + " is overdue (due "
                + RequestMails.DATE.format(due) + ")", ScreeningProgress.SYSTEM);
        return true;
    }

    /** One email to the secretariat naming every agency of the referral escalated today. */
    private void escalate(ReferralReference reference, List<InformationRequest> requests, LocalDate today,
            Instant now) {
        List<Map<String, Object>> agencies = new ArrayList<>();
        for (InformationRequest r : requests) {
            Map<String, Object> a = new HashMap<>();
            a.put("token", r.token());
            a.put("agencyCode", r.agencyCode());
            a.put("agencyName", mails.agencyName(r.agencyCode()));
            a.put("sentDate", RequestMails.DATE.format(r.deadline().start()));
            a.put("dueDate", RequestMails.DATE.format(r.deadline().due()));
            a.put("deliveryProblem", r.deliveryProblem());
            agencies.add(a);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("reference", reference.toString());
        model.put("pathway", requests.get(0).pathway().label());
        model.put("agencies", agencies);
        model.put("count", agencies.size());
        QueuedMail mail = correspondence.queue(OutgoingMail.of(ESCALATION_TEMPLATE, model, requests.get(0).mailbox(),
                List.of(settings.secretariatAddress()), reference.toString(), "escalation:" + reference));
        for (InformationRequest r : requests) {
            actions.insertAction(r.id(), new RequestAction("escalation", today, now, outcome(mail),
                    mail.id().value(), "escalated to the secretariat", null));
            repository.changeStatus(r.id(), Set.of(RequestStatus.OVERDUE), RequestStatus.ESCALATED, now);
        }
        referrals.note(reference, "ESCALATED", "Overdue requests escalated to the secretariat: " + String.join(", ",
                requests.stream().map(InformationRequest::agencyCode).toList()), ScreeningProgress.SYSTEM);
    }

    static String reminderKind(int offset) {
        return "reminder:" + offset;
    }

    private static String outcome(QueuedMail mail) {
        return mail.state() == OutboundState.BLOCKED ? "BLOCKED" : "SENT";
    }
}
