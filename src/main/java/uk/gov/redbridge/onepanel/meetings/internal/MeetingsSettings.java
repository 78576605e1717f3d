package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import uk.gov.redbridge.onepanel.meetings.PanelMember;

/**
 * @param schedule                  the monthly rule
 * @param papersDeadlineWorkingDays the pack is due to members this many working days before the meeting
 * @param mailbox                   the panel mailbox (account name) the meetings' mail comes from
 * @param baseUrl                   the service's public address, for the pack's download link
 * @param papersCheckInterval       how often meetings are scheduled ahead, ready referrals placed on agendas and
 *                                  packs issued or re-issued
 * @param members                   the panel's members (demo: .example addresses)
 * @param dutyHolders               RSAB, RSCP and CSP: the boards and partnership that hold the statutory duties
 * @param statutoryPartners         addresses that get recommendations for ratification and escalated dissent
 */
@ConfigurationProperties("onepanel.meetings")
record MeetingsSettings(
        Schedule schedule,
        @DefaultValue("5") int papersDeadlineWorkingDays,
        @DefaultValue("onepanel") String mailbox,
        @DefaultValue("http://127.0.0.1:8080") String baseUrl,
        @DefaultValue("PT15M") Duration papersCheckInterval,
        List<PanelMember> members,
        Map<String, DutyHolder> dutyHolders,
        List<String> statutoryPartners) {

    /**
     * @param dayOfWeek   e.g. TUESDAY
     * @param weekOfMonth 1 to 4 for the first to fourth such day of the month, -1 for the last
     * @param monthsAhead meetings are kept scheduled this many months ahead
     */
    record Schedule(@DefaultValue("TUESDAY") DayOfWeek dayOfWeek, @DefaultValue("2") int weekOfMonth,
            @DefaultValue("10:00") LocalTime time, @DefaultValue("") String location,
            @DefaultValue("3") int monthsAhead) {
    }

    /** @param name e.g. "Redbridge Safeguarding Adults Board" */
    record DutyHolder(String name, String address) {
    }

    MeetingsSettings {
        schedule = schedule == null ? new Schedule(DayOfWeek.TUESDAY, 2, LocalTime.of(10, 0), "", 3) : schedule;
        members = members == null ? List.of() : List.copyOf(members);
        dutyHolders = dutyHolders == null ? Map.of() : new TreeMap<>(dutyHolders);
        statutoryPartners = statutoryPartners == null ? List.of() : List.copyOf(statutoryPartners);
        List<String> problems = new ArrayList<>();
        if (schedule.weekOfMonth() == 0 || schedule.weekOfMonth() < -1 || schedule.weekOfMonth() > 4) {
            problems.add("schedule.week-of-month must be 1 to 4, or -1 for the last");
        }
        if (schedule.monthsAhead() < 0 || schedule.monthsAhead() > 24) {
            problems.add("schedule.months-ahead must be 0 to 24");
        }
        if (papersDeadlineWorkingDays < 0) {
            problems.add("papers-deadline-working-days must be zero or more");
        }
        for (PanelMember m : members) {
            if (m.email() == null || !m.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add("members: every member needs an email address");
            }
            if (m.agency() == null || m.agency().isBlank()) {
                problems.add("members: every member needs the code of the agency they represent");
            }
        }
        for (String holder : List.of("RSAB", "RSCP", "CSP")) {
            DutyHolder d = dutyHolders.get(holder);
            if (d == null || d.address() == null || d.address().isBlank()) {
                problems.add("duty-holders." + holder + ".address is missing (outcomes go there)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("onepanel.meetings has problems: " + String.join("; ",
                    problems.stream().distinct().toList()));
        }
    }
}
