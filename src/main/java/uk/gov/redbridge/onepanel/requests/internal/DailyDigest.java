package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.DigestSection;
import uk.gov.redbridge.onepanel.requests.DigestSource;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * The secretariat's morning email: new referrals, returns received, requests and milestones due today, overdue
 * requests, automatic replies and undelivered requests, and whatever other modules add (exceptions waiting). Counts,
 * references and agency codes only. One per working day, from the digest time on; it covers everything since the
 * previous digest, so a day the service was off is in the next one.
 */
@Component
class DailyDigest {

    static final String TEMPLATE = "requests-daily-digest";
    /** New referrals are looked for among the newest this many (the panel gets a few a month). */
    private static final int LIST_LIMIT = 500;

    private final RequestRepository repository;
    private final RequestReplies replies;
    private final MilestoneRepository milestones;
    private final DigestRecords digests;
    private final ReferralLog referrals;
    private final Correspondence correspondence;
    private final List<DigestSource> sources;
    private final WorkingDays workingDays;
    private final RequestsSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    DailyDigest(RequestRepository repository, RequestReplies replies, MilestoneRepository milestones,
            DigestRecords digests, ReferralLog referrals, Correspondence correspondence, List<DigestSource> sources,
            WorkingDays workingDays, RequestsSettings settings, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.replies = replies;
        this.milestones = milestones;
        this.digests = digests;
        this.referrals = referrals;
        this.correspondence = correspondence;
        this.sources = sources.stream().sorted(Comparator.comparingInt(DigestSource::order)).toList();
        this.workingDays = workingDays;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Sends today's digest if it is due and not sent yet; true if it was queued now. */
    boolean sendIfDue() {
        LocalDate today = workingDays.today();
        if (!workingDays.isWorkingDay(today) || LocalTime.now(clock).isBefore(settings.digestTime())) {
            return false;
        }
        Boolean sent = tx.execute(status -> {
            if (digests.digestSent(today)) {
                return false;
            }
            Instant until = clock.instant();
            Instant since = digests.lastDigestUntil().orElse(until.minus(Duration.ofDays(1)));
            List<DigestSection> sections = sections(since, until, today);
            Map<String, Object> model = new HashMap<>();
            model.put("date", RequestMails.DATE.format(today));
            model.put("sections", sections.stream().map(section -> Map.of("heading", section.heading(),
                    "count", section.count(), "lines", section.lines())).toList());
            QueuedMail mail = correspondence.queue(OutgoingMail.of(TEMPLATE, model, settings.secretariatMailbox(),
                    List.of(settings.secretariatAddress()), null, "digest:" + today));
            digests.insertDigest(today, since, until, mail.id().value());
            return true;
        });
        return Boolean.TRUE.equals(sent);
    }

    List<DigestSection> sections(Instant since, Instant until, LocalDate today) {
        List<DigestSection> out = new ArrayList<>();
        List<String> newReferrals = referrals.latest(LIST_LIMIT).stream()
                .filter(r -> !r.receivedAt().isBefore(since) && r.receivedAt().isBefore(until))
                .sorted(Comparator.comparing(Referral::reference))
                .map(r -> r.reference() + " (" + r.pathway().label() + "; " + r.status().label().toLowerCase(Locale.ROOT) + ")")
                .toList();
        out.add(new DigestSection("New referrals", newReferrals.size(), newReferrals));

        List<String> returns = new ArrayList<>();
        List<String> automatic = new ArrayList<>();
        for (RequestReplies.RecordedReply r : replies.repliesRecordedSince(since, until)) {
            String token = "[" + r.reference() + "/" + r.agencyCode() + "]";
            switch (r.reply().kind()) {
                case RETURN -> returns.add(token + " return");
                case NOT_KNOWN -> returns.add(token + " the agency does not know the person");
                case FURTHER_REPLY -> returns.add(token + " further reply after its answer");
                case AUTO_REPLY -> automatic.add(token + " automatic reply (e.g. out of office)");
                default -> automatic.add(token + " reply held for the exceptions queue");
            }
        }
        out.add(new DigestSection("Returns received", returns.size(), returns));

        List<String> dueToday = repository.dueOn(today, EnumSet.of(RequestStatus.SENT, RequestStatus.REMINDED))
                .stream().map(InformationRequest::token).toList();
        List<String> milestonesDue = milestones.milestonesDueOn(today).stream()
                .map(m -> m.reference() + " " + m.label().toLowerCase()).toList();
        List<String> due = new ArrayList<>(dueToday);
        due.addAll(milestonesDue);
        out.add(new DigestSection("Due today", due.size(), due));

        List<String> overdue = repository.withStatus(EnumSet.of(RequestStatus.OVERDUE, RequestStatus.ESCALATED))
                .stream().map(r -> r.token() + " due " + r.deadline().due()).toList();
        out.add(new DigestSection("Overdue requests", overdue.size(), overdue));

        repository.withDeliveryProblemSince(since).forEach(r -> automatic.add(r.token() + " mail not delivered"));
        out.add(new DigestSection("Automatic replies and undelivered requests", automatic.size(), automatic));

        for (DigestSource source : sources) {
            out.add(source.section(since, until));
        }
        return out;
    }
}
