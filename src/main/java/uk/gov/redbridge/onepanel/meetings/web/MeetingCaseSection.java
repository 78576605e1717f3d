package uk.gov.redbridge.onepanel.meetings.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.Review;
import uk.gov.redbridge.onepanel.referrals.CaseSection;
import uk.gov.redbridge.onepanel.referrals.Referral;

/** The case page's panel section: the meeting the referral is on, the recommendation, the board's decision, the review. */
@Component
class MeetingCaseSection implements CaseSection {

    private final PanelMeetings meetings;

    MeetingCaseSection(PanelMeetings meetings) {
        this.meetings = meetings;
    }

    /** The referral on one meeting's agenda, with what the panel did. */
    record Placement(Meeting meeting, AgendaItem item, Decision decision) {
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fragment() {
        return "meetings/case-section :: section";
    }

    @Override
    public Map<String, Object> model(Referral referral) {
        List<Placement> placements = new ArrayList<>();
        for (Meeting m : meetings.meetings()) {
            if (m.state() == MeetingState.CANCELLED) {
                continue;
            }
            for (AgendaItem i : meetings.agenda(m.id())) {
                if (referral.reference().equals(i.referral())) {
                    placements.add(new Placement(m, i, meetings.decision(i.id()).orElse(null)));
                }
            }
        }
        List<Review> reviews = meetings.reviews().stream().filter(r -> r.referral().equals(referral.reference()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("placements", placements);
        model.put("reviews", reviews);
        return model;
    }
}
