package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutgoingAttachment;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.FollowUpAction;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.Methodology;
import uk.gov.redbridge.onepanel.meetings.PanelMember;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.referrals.Referral;

/**
 * Every email of the meetings module, queued in the caller's transaction from {@code mail-templates/}. Subjects carry
 * references and dates only; bodies carry what the reader needs (members get the papers anyway).
 */
@Component
class MeetingMails {

    private static final Logger log = LoggerFactory.getLogger(MeetingMails.class);

    static final String PACK = "meeting-pack";
    static final String CANCELLED = "meeting-cancelled";
    static final String OUTCOME_REFERRER = "outcome-referrer";
    static final String OUTCOME_DUTY_HOLDER = "outcome-duty-holder";
    static final String RATIFICATION = "outcome-ratification";
    static final String DISSENT = "decision-dissent";
    static final String FURTHER_INFORMATION = "further-information";
    static final String BOARD_DECISION = "board-decision-referrer";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Correspondence correspondence;
    private final MeetingsSettings settings;

    private final uk.gov.redbridge.onepanel.agencies.AgencyDirectory directory;

    MeetingMails(Correspondence correspondence, MeetingsSettings settings,
            uk.gov.redbridge.onepanel.agencies.AgencyDirectory directory) {
        this.directory = directory;
        this.correspondence = correspondence;
        this.settings = settings;
        List<String> missing = List.of(PACK, CANCELLED, OUTCOME_REFERRER, OUTCOME_DUTY_HOLDER, RATIFICATION, DISSENT,
                FURTHER_INFORMATION, BOARD_DECISION).stream().filter(t -> !correspondence.hasTemplate(t)).toList();
        if (!missing.isEmpty()) {
            log.error("Mail templates needed by onepanel.meetings are missing from mail-templates/: {}",
                    String.join(", ", missing));
        }
    }

    List<String> memberAddresses() {
        return settings.members().stream().map(PanelMember::email).distinct().toList();
    }

    void pack(Meeting meeting, IssuedPack pack, byte[] pdf) {
        Map<String, Object> model = meetingModel(meeting);
        model.put("issue", pack.issue());
        model.put("reissue", pack.issue() > 1);
        model.put("changes", pack.changes());
        model.put("pages", pack.pages());
        model.put("attached", pack.fitsInEmail());
        model.put("fileName", pack.fileName());
        model.put("link", settings.baseUrl() + "/meetings/" + meeting.id() + "/pack");
        model.put("notConverted", pack.notConverted().size());
        List<OutgoingAttachment> attachments = pack.fitsInEmail()
                ? List.of(new OutgoingAttachment(pack.fileName(), "application/pdf", pdf)) : List.of();
        correspondence.queue(new OutgoingMail(PACK, present(model), settings.mailbox(), memberAddresses(), List.of(), null,
                null, List.of(), attachments, null, "meeting-pack:" + meeting.id() + ":" + pack.issue()));
    }

    void cancelled(Meeting meeting, String reason, Meeting next) {
        Map<String, Object> model = meetingModel(meeting);
        model.put("reason", reason);
        model.put("nextDate", next == null ? null : DATE.format(next.date()));
        correspondence.queue(OutgoingMail.of(CANCELLED, present(model), settings.mailbox(), memberAddresses(), null,
                "meeting-cancelled:" + meeting.id()));
    }

    /** The recommendation's emails: the referrer, each duty holder concerned, the statutory partners. */
    void outcome(Decision decision, Referral referral) {
        Map<String, Object> model = decisionModel(decision, referral);
        String ref = referral.reference().toString();
        String referrer = referral.referrer().senderAddress() != null ? referral.referrer().senderAddress()
                : referral.referrer().email();
        if (referrer != null && !referrer.isBlank()) {
            correspondence.queue(OutgoingMail.of(OUTCOME_REFERRER, present(model), referral.mailbox(), List.of(referrer), ref,
                    "outcome:" + decision.id() + ":referrer"));
        }
        for (String holder : dutyHolders(decision, referral)) {
            MeetingsSettings.DutyHolder d = settings.dutyHolders().get(holder);
            if (d == null) {
                continue;
            }
            Map<String, Object> m = new HashMap<>(model);
            m.put("dutyHolder", holder);
            m.put("dutyHolderName", d.name() == null ? holder : d.name());
            m.put("informHomeOffice", "CSP".equals(holder));
            correspondence.queue(OutgoingMail.of(OUTCOME_DUTY_HOLDER, present(m), settings.mailbox(), List.of(d.address()),
                    ref, "outcome:" + decision.id() + ":" + holder));
        }
        if (!settings.statutoryPartners().isEmpty()) {
            correspondence.queue(OutgoingMail.of(RATIFICATION, present(model), settings.mailbox(),
                    settings.statutoryPartners(), ref, "outcome:" + decision.id() + ":ratification"));
        }
    }

    void dissent(Decision decision, Referral referral) {
        if (settings.statutoryPartners().isEmpty()) {
            return;
        }
        correspondence.queue(OutgoingMail.of(DISSENT, present(decisionModel(decision, referral)), settings.mailbox(),
                settings.statutoryPartners(), referral.reference().toString(), "dissent:" + decision.id()));
    }

    void boardDecision(Decision decision, Referral referral) {
        String referrer = referral.referrer().senderAddress() != null ? referral.referrer().senderAddress()
                : referral.referrer().email();
        if (referrer == null || referrer.isBlank()) {
            return;
        }
        correspondence.queue(OutgoingMail.of(BOARD_DECISION, present(decisionModel(decision, referral)), referral.mailbox(),
                List.of(referrer), referral.reference().toString(), "board-decision:" + decision.id()));
    }

    /** One email per member, each with its own reply address, so each answer is tied to the member and request. */
    void furtherInformation(java.util.UUID requestId, Referral referral, String question, LocalDate due) {
        String mailboxAddress = correspondence.mailboxAddress(settings.mailbox());
        for (PanelMember member : settings.members()) {
            Map<String, Object> model = new HashMap<>();
            model.put("reference", referral == null ? "" : referral.reference().toString());
            model.put("pathway", referral == null ? "" : referral.pathway().label());
            model.put("question", question);
            model.put("dueDate", due == null ? null : DATE.format(due));
            model.put("memberName", member.name());
            // the words a member starts the reply with, as the reply's reader understands them (Recommendation.parse)
            model.put("options", java.util.Arrays.stream(Recommendation.values()).map(r -> switch (r) {
                case SAR, CSPR, DHR -> r.name() + ": " + r.label();
                case NON_STATUTORY_REVIEW -> "Non-statutory review";
                case INTERNAL_REVIEW -> "Internal review: " + r.label();
                case NO_REVIEW -> "No review";
            }).toList());
            String replyTo = MemberReplyHandler.replyAddress(mailboxAddress, requestId);
            correspondence.queue(new OutgoingMail(FURTHER_INFORMATION, present(model), settings.mailbox(),
                    List.of(member.email()), List.of(), replyTo, null, List.of(), List.of(),
                    referral == null ? null : referral.reference().toString(),
                    MemberReplyHandler.CORRELATION + requestId));
        }
    }

    /** The outbox keeps an immutable copy of the model, which takes no null values: a missing value is null anyway. */
    private static Map<String, Object> present(Map<String, Object> model) {
        Map<String, Object> out = new HashMap<>(model);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    private List<String> dutyHolders(Decision decision, Referral referral) {
        List<String> out = new ArrayList<>();
        for (Recommendation r : decision.recommendations()) {
            if (r.dutyHolder() != null && !out.contains(r.dutyHolder())) {
                out.add(r.dutyHolder());
            }
        }
        if (out.isEmpty() && settings.dutyHolders().containsKey(referral.pathway().dutyHolder())) {
            // no statutory review: the outcome of the screening still goes to the board of the pathway
            out.add(referral.pathway().dutyHolder());
        }
        return out;
    }

    private Map<String, Object> meetingModel(Meeting meeting) {
        Map<String, Object> model = new HashMap<>();
        model.put("meetingDate", DATE.format(meeting.date()));
        model.put("meetingTime", meeting.startsAt().toString());
        model.put("location", meeting.location() == null ? "" : meeting.location());
        model.put("papersDeadline", DATE.format(meeting.papersDeadline()));
        return model;
    }

    private Map<String, Object> decisionModel(Decision d, Referral referral) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", referral.reference().toString());
        model.put("pathway", referral.pathway().label());
        model.put("meetingDate", DATE.format(d.meetingDate()));
        model.put("byEmail", d.byEmail());
        model.put("recommendations", d.recommendations().stream().map(Recommendation::label).toList());
        model.put("lead", d.leadProcess() == null ? null : d.leadProcess().label());
        model.put("sarBasis", d.sarBasis() == null ? null : d.sarBasis().label());
        model.put("focus", d.focus());
        model.put("methodologies", d.methodologies().stream().sorted().map(Methodology::label).toList());
        model.put("reasons", d.reasons());
        model.put("followUps", d.followUps().stream().map(MeetingMails::line).toList());
        model.put("dissenting", d.dissentingAgencies().stream().map(directory::nameOf).toList());
        model.put("dissentNote", d.dissentNote());
        model.put("quorum", d.quorum());
        model.put("board", d.board().outcome().name());
        model.put("boardDecision", d.board().decision() == null ? null : d.board().decision().label());
        model.put("boardDecidedBy", d.board().decidedBy());
        model.put("boardDecidedOn", d.board().decidedOn() == null ? null : DATE.format(d.board().decidedOn()));
        model.put("boardReason", d.board().reason());
        return model;
    }

    private static String line(FollowUpAction a) {
        return a.description() + (a.owner() == null || a.owner().isBlank() ? "" : " (owner: " + a.owner() + ")")
                + (a.due() == null ? "" : ", by " + DATE.format(a.due()));
    }
}
