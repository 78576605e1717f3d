package uk.gov.redbridge.onepanel.meetings;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** What the meetings tests share: a referral made ready for the panel, and where the service put it. */
public final class MeetingsTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private MeetingsTestSupport() {
    }

    /** The secretariat moves the referral on (its returns are not the point), and it lands on an agenda. */
    public static AgendaItem readyForPanel(ReferralLog referrals, PanelMeetings meetings, ReferralReference ref) {
        referrals.changeStatus(ref, ReferralStatus.READY_FOR_PANEL, "secretariat", "returns reviewed");
        Meeting meeting = await().atMost(PATIENCE).until(() -> meetingOf(meetings, ref), Optional::isPresent)
                .orElseThrow();
        return itemOf(meetings, meeting, ref);
    }

    /** The meeting whose agenda has the referral. */
    public static Optional<Meeting> meetingOf(PanelMeetings meetings, ReferralReference ref) {
        return meetings.meetings().stream().filter(m -> meetings.agenda(m.id()).stream()
                .anyMatch(i -> ref.equals(i.referral()))).findFirst();
    }

    public static AgendaItem itemOf(PanelMeetings meetings, Meeting meeting, ReferralReference ref) {
        return meetings.agenda(meeting.id()).stream().filter(i -> ref.equals(i.referral())).findFirst()
                .orElseThrow();
    }
}
