package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * @param hold               how long new requests wait as drafts before they go, so the secretariat can add or
 *                           remove an agency; zero sends them at once
 * @param sendInterval       how often drafts whose hold has ended are looked for
 * @param dailyCron          when the daily deadline check runs (reminders, overdue, escalations, digest), in the
 *                           clock's zone; it also runs at start-up, which is how it catches up after downtime
 * @param digestTime         the digest of a working day goes from this time on (a start-up earlier in the day
 *                           leaves it to the scheduled run)
 * @param secretariatAddress where escalations and the daily digest go; no default in production
 * @param secretariatMailbox the panel mailbox (account name) the digest is sent from
 * @param notKnownPhrases    words in an agency's reply (its own text, not the quoted request) that mean the person
 *                           is not known to its service, case-insensitive
 * @param pathways           per pathway: the request template, working days, reminders, escalation and milestones
 */
@ConfigurationProperties("onepanel.requests")
record RequestsSettings(
        @DefaultValue("PT15M") Duration hold,
        @DefaultValue("PT1M") Duration sendInterval,
        @DefaultValue("0 0 7 * * *") String dailyCron,
        @DefaultValue("07:00") LocalTime digestTime,
        String secretariatAddress,
        @DefaultValue("onepanel") String secretariatMailbox,
        @DefaultValue({"not known to", "not been known to", "no record of", "no records of", "no record held",
                "no records held", "no trace of", "no involvement", "not open to", "no contact with", "nil return"})
        List<String> notKnownPhrases,
        Map<Pathway, PathwaySettings> pathways) {

    /**
     * @param template      the {@code mail-templates/} name of the request email
     * @param workingDays   working days the agency has, counted from the day the request is sent
     * @param reminders     when reminders go, in working days relative to the due date: {@code -1} is the working
     *                      day before it, {@code 0} the due date itself
     * @param escalateAfter an overdue request is escalated to the secretariat on this working day after the due date
     * @param milestones    dated milestones counted in working days from the day the referral was received, e.g.
     *                      {@code national-panel-notification: 5}
     */
    record PathwaySettings(String template, int workingDays, @DefaultValue({"-1", "0"}) List<Integer> reminders,
            @DefaultValue("2") int escalateAfter, Map<String, Integer> milestones) {

        PathwaySettings {
            reminders = reminders == null ? List.of() : reminders.stream().sorted().distinct().toList();
            milestones = milestones == null ? Map.of() : new LinkedHashMap<>(milestones);
        }
    }

    RequestsSettings {
        pathways = pathways == null ? Map.of() : new EnumMap<>(pathways);
        notKnownPhrases = notKnownPhrases == null ? List.of() : List.copyOf(notKnownPhrases);
        List<String> problems = problems(hold, secretariatAddress, pathways);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("onepanel.requests has problems: " + String.join("; ", problems));
        }
    }

    PathwaySettings pathway(Pathway pathway) {
        PathwaySettings settings = pathways.get(pathway);
        if (settings == null) {
            throw new IllegalStateException("no onepanel.requests.pathways." + pathway.name() + " settings");
        }
        return settings;
    }

    private static List<String> problems(Duration hold, String secretariatAddress,
            Map<Pathway, PathwaySettings> pathways) {
        List<String> problems = new ArrayList<>();
        if (hold == null || hold.isNegative()) {
            problems.add("hold must be zero or more");
        }
        if (secretariatAddress == null || !secretariatAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("secretariat-address must be an email address (escalations and the digest go there)");
        }
        for (Pathway p : Pathway.values()) {
            PathwaySettings s = pathways.get(p);
            String key = "pathways." + p.name();
            if (s == null) {
                problems.add(key + " is missing");
                continue;
            }
            if (s.template() == null || s.template().isBlank()) {
                problems.add(key + ".template is missing");
            }
            if (s.workingDays() < 1) {
                problems.add(key + ".working-days must be at least 1");
            }
            for (int r : s.reminders()) {
                if (r > 0 || r <= -s.workingDays()) {
                    problems.add(key + ".reminders: " + r + " must be between " + (1 - s.workingDays())
                            + " and 0 (working days relative to the due date)");
                }
            }
            if (s.escalateAfter() < 1) {
                problems.add(key + ".escalate-after must be at least 1 (working days after the due date)");
            }
            s.milestones().forEach((name, days) -> {
                if (days == null || days < 0) {
                    problems.add(key + ".milestones." + name + " must be zero or more working days");
                }
            });
        }
        return problems;
    }
}
