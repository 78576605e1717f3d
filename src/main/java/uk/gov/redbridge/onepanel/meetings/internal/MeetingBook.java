package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingCancelled;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/** The meetings and their agendas: the schedule, dates changed by hand, cancellations, items. */
@Component
public class MeetingBook {

    static final String SYSTEM = "system";

    private final MeetingRepository repository;
    private final MeetingsSettings settings;
    private final WorkingDays workingDays;
    private final Papers papers;
    private final ReferralLog referrals;
    private final MeetingMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeetingBook(MeetingRepository repository, MeetingsSettings settings, WorkingDays workingDays, Papers papers,
            ReferralLog referrals, MeetingMails mails, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.workingDays = workingDays;
        this.papers = papers;
        this.referrals = referrals;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    public List<Meeting> all() {
        return repository.all().stream().map(this::meeting).toList();
    }

    public Optional<Meeting> find(MeetingId id) {
        return repository.find(id).map(this::meeting);
    }

    Meeting get(MeetingId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no meeting " + id));
    }

    /** Meetings not cancelled on or after today, soonest first. */
    List<Meeting> upcoming() {
        return repository.from(workingDays.today()).stream().map(this::meeting).toList();
    }

    /** Writes this month's meeting and those of the months ahead, once each. @return how many were written */
    int scheduleAhead() {
        int written = 0;
        YearMonth month = YearMonth.from(workingDays.today());
        for (int i = 0; i <= settings.schedule().monthsAhead(); i++) {
            YearMonth m = month.plusMonths(i);
            if (repository.slotTaken(m.toString())) {
                continue;
            }
            LocalDate date = MonthlySchedule.dateIn(m, settings.schedule().dayOfWeek(),
                    settings.schedule().weekOfMonth());
            if (date.isBefore(workingDays.today())) {
                continue;
            }
            try {
                repository.insert(new MeetingRepository.Row(new MeetingId(UUID.randomUUID()), m.toString(), date,
                        settings.schedule().time(), blankToNull(settings.schedule().location()), deadline(date),
                        null, null, null), clock.instant(), SYSTEM);
                written++;
            } catch (DuplicateKeyException e) {
                // another instance wrote it first
            }
        }
        return written;
    }

    public Meeting add(LocalDate date, LocalTime time, String location, String actor) {
        MeetingId id = new MeetingId(UUID.randomUUID());
        repository.insert(new MeetingRepository.Row(id, null, date, time, blankToNull(location), deadline(date),
                null, null, null), clock.instant(), actor);
        return get(id);
    }

    public Meeting reschedule(MeetingId id, LocalDate date, LocalTime time, String location) {
        Meeting m = get(id);
        if (m.state() == MeetingState.CANCELLED) {
            throw new IllegalStateException("the meeting was cancelled");
        }
        repository.reschedule(id, date, time == null ? m.startsAt() : time, location == null ? m.location()
                : blankToNull(location), deadline(date), clock.instant());
        return get(id);
    }

    /**
     * Cancels the meeting, tells the members why, and moves its open items to the next meeting.
     *
     * @throws IllegalStateException if it was cancelled already or has been held
     */
    public Meeting cancel(MeetingId id, String reason, String actor) {
        Meeting m = get(id);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("give a reason for the cancellation");
        }
        if (m.state() == MeetingState.HELD) {
            throw new IllegalStateException("the meeting has been held");
        }
        if (!repository.cancel(id, reason.trim(), clock.instant(), actor)) {
            throw new IllegalStateException("the meeting was cancelled already");
        }
        Meeting next = upcoming().stream().filter(u -> u.date().isAfter(m.date())).findFirst().orElse(null);
        if (next != null) {
            repository.moveOpenItems(id, next.id());
        }
        mails.cancelled(get(id), reason.trim(), next);
        events.publishEvent(new MeetingCancelled(id));
        return get(id);
    }

    public List<AgendaItem> agenda(MeetingId id) {
        return repository.items(id);
    }

    Optional<AgendaItem> item(AgendaItemId id) {
        return repository.item(id);
    }

    /** An item the secretariat adds: a referral (one that has no open item elsewhere) or anything else. */
    public AgendaItem addItem(MeetingId id, ReferralReference referral, String title, String detail, String actor) {
        Meeting m = get(id);
        if (m.state() == MeetingState.CANCELLED) {
            throw new IllegalStateException("the meeting was cancelled");
        }
        if (referral != null) {
            Referral r = referrals.find(referral)
                    .orElseThrow(() -> new IllegalArgumentException("no referral " + referral));
            Optional<AgendaItem> open = repository.itemsFor(referral).stream()
                    .filter(i -> i.state() != AgendaItem.ItemState.DECIDED).findFirst();
            if (open.isPresent()) {
                throw new IllegalStateException(referral + " is on the agenda of another meeting already");
            }
            return insert(m, r, actor);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("give the item a title");
        }
        AgendaItem item = new AgendaItem(new AgendaItemId(UUID.randomUUID()), id, repository.nextPosition(id), null,
                title.trim(), blankToNull(detail), AgendaItem.ItemState.OPEN, clock.instant(), actor);
        repository.insertItem(item, null);
        return item;
    }

    public boolean removeItem(AgendaItemId id, String actor) {
        return repository.removeItem(id, clock.instant(), actor);
    }

    /**
     * Puts every referral ready for the panel that has never been on the agenda of a meeting (cancelled meetings
     * aside) on the next meeting whose papers have not gone yet, or else the next meeting. A referral a person took
     * off an agenda is left for the secretariat to place. @return how many were placed
     */
    int placeReadyReferrals() {
        List<Meeting> upcoming = upcoming();
        if (upcoming.isEmpty()) {
            return 0;
        }
        Meeting target = upcoming.stream().filter(m -> m.state() == MeetingState.SCHEDULED).findFirst()
                .orElse(upcoming.get(0));
        int placed = 0;
        for (Referral r : referrals.withStatus(ReferralStatus.READY_FOR_PANEL)) {
            if (!repository.everPlaced(r.reference())) {
                insert(target, r, SYSTEM);
                placed++;
            }
        }
        return placed;
    }

    void itemState(AgendaItemId id, AgendaItem.ItemState state) {
        repository.itemState(id, state);
    }

    private AgendaItem insert(Meeting m, Referral r, String actor) {
        AgendaItem item = new AgendaItem(new AgendaItemId(UUID.randomUUID()), m.id(), repository.nextPosition(m.id()),
                r.reference(), r.reference() + ": " + r.pathway().label(),
                "Received " + MeetingMails.DATE.format(workingDays.dateOf(r.receivedAt())) + "; "
                        + r.status().label().toLowerCase(java.util.Locale.ROOT),
                AgendaItem.ItemState.OPEN, clock.instant(), actor);
        repository.insertItem(item, r.id().value());
        referrals.note(r.reference(), "AGENDA", "On the agenda of the One Panel meeting of "
                + MeetingMails.DATE.format(m.date()), actor);
        return item;
    }

    private LocalDate deadline(LocalDate date) {
        return workingDays.addWorkingDays(date, -settings.papersDeadlineWorkingDays());
    }

    private Meeting meeting(MeetingRepository.Row r) {
        MeetingState state;
        LocalDate today = workingDays.today();
        if (r.cancelledAt() != null) {
            state = MeetingState.CANCELLED;
        } else if (!r.date().isAfter(today) && !repository.attendees(r.id()).isEmpty()) {
            state = MeetingState.HELD;
        } else if (r.date().isBefore(today)) {
            state = MeetingState.NOT_RECORDED;
        } else if (papers.latestPack(r.id().value()).isPresent()) {
            state = MeetingState.PAPERS_ISSUED;
        } else {
            state = MeetingState.SCHEDULED;
        }
        return new Meeting(r.id(), r.slot(), r.date(), r.startsAt(), r.location(), r.papersDeadline(), state,
                r.cancelledReason(), r.cancelledAt(), r.cancelledBy());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
