package uk.gov.redbridge.onepanel.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.ONEPANEL;
import static uk.gov.redbridge.onepanel.requests.RequestsTestSupport.PATIENCE;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.redbridge.onepanel.OnePanelApplication;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * The service restarted as the README does it: the same database, {@code onepanel.clock.offset} moving "today"
 * forward. The requests wait out their hold as drafts while the secretariat changes the agencies, then reminders,
 * the overdue notices and the escalation each go once, and a restart after days off sends nothing twice.
 */
class RequestsRestartEndToEndTests {

    private final String database = "jdbc:h2:mem:requests-restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void draftsWaitForTheSecretariatThenEachReminderOverdueNoticeAndEscalationGoesOnceAcrossRestarts() {
        ReferralReference ref;
        LocalDate due;
        int agencies;
        try (ConfigurableApplicationContext a = start(0, "PT15M")) {
            MailServerClient mail = RequestsTestSupport.mailServer(a.getBean(MailAccounts.class));
            InformationRequests requests = a.getBean(InformationRequests.class);
            ref = RequestsTestSupport.referral(mail, a.getBean(MailAccounts.class), a.getBean(ReferralLog.class),
                    ONEPANEL, "Fay", "Gillingham", "Killed at home by her partner; police investigating");
            agencies = a.getBean(uk.gov.redbridge.onepanel.agencies.AgencyDirectory.class)
                    .receivingRequestsFor(Pathway.DOMESTIC_HOMICIDE).size();
            ReferralReference r = ref;
            List<InformationRequest> drafts = await().atMost(PATIENCE).until(() -> requests.forReferral(r),
                    l -> l.size() == agencies);
            assertThat(drafts).allSatisfy(d -> assertThat(d.status()).isEqualTo(RequestStatus.DRAFT));
            assertThat(drafts).extracting(InformationRequest::agencyCode).doesNotContain("LBR-LEGAL");
            assertThat(templates(a, ref)).doesNotContainKey("information-request-domestic-homicide");

            // the secretariat takes one agency off (and another off and back on), adds one the pathway does not
            // list, then sends without waiting for the hold
            assertThat(requests.removeAgency(ref, "NPS", "secretariat")).isTrue();
            assertThat(requests.addAgency(ref, "NPS", "secretariat").status()).isEqualTo(RequestStatus.DRAFT);
            assertThat(requests.removeAgency(ref, "REFUGE", "secretariat")).isTrue();
            assertThat(requests.addAgency(ref, "LBR-LEGAL", "secretariat").to())
                    .containsExactly("legal.services@redbridge.example");
            assertThat(requests.sendNow(ref, "secretariat")).isEqualTo(agencies);
            awaitAllSent(a, ref);
            assertThat(RequestsTestSupport.awaitMail(mail, "legal.services@redbridge.example", ref.toString(), 1))
                    .hasSize(1);
            assertThat(RequestsTestSupport.mailAbout(mail, "redbridge.vawg@refuge.example", ref.toString())).isEmpty();
            assertThat(requests.find(ref, "REFUGE").orElseThrow().status()).isEqualTo(RequestStatus.CANCELLED);
            assertThat(a.getBean(ReferralLog.class).find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.SCREENING);
            due = requests.find(ref, "NELFT").orElseThrow().deadline().due();
        }
        WorkingDays calendar = WorkingDays.englandAndWales(java.time.Clock.systemUTC(), List.of());

        // restarted on the working day before the due date: the start-up check sends the first reminders
        try (ConfigurableApplicationContext b = start(daysUntil(calendar.previousWorkingDay(due)), "PT15M")) {
            awaitAllSent(b, ref);
            assertThat(templates(b, ref)).containsEntry("information-request-reminder", (long) agencies);
        }

        // off over the due date, back two working days after it: no late reminder, one overdue notice each,
        // one escalation for the referral; a second check the same day does nothing
        long back = daysUntil(calendar.addWorkingDays(due, 2));
        try (ConfigurableApplicationContext c = start(back, "PT15M")) {
            InformationRequests requests = c.getBean(InformationRequests.class);
            assertThat(requests.runDeadlineCheck()).get().satisfies(check -> {
                assertThat(check.markedOverdue()).isZero();
                assertThat(check.escalated()).isZero();
                assertThat(check.remindersSent()).isZero();
            });
            awaitAllSent(c, ref);
            assertThat(requests.forReferral(ref)).extracting(InformationRequest::status)
                    .containsOnly(RequestStatus.ESCALATED, RequestStatus.CANCELLED);
            assertThat(requests.actions(requests.find(ref, "NELFT").orElseThrow().id()))
                    .extracting(RequestAction::kind, RequestAction::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("reminder:-1", "SENT"),
                            org.assertj.core.groups.Tuple.tuple("reminder:0", "SKIPPED"),
                            org.assertj.core.groups.Tuple.tuple("overdue", "SENT"),
                            org.assertj.core.groups.Tuple.tuple("escalation", "SENT"));
            assertThat(c.getBean(ReferralLog.class).find(ref).orElseThrow().status())
                    .isEqualTo(ReferralStatus.READY_FOR_PANEL);
        }

        // and restarted again that day: nothing is sent twice
        try (ConfigurableApplicationContext d = start(back, "PT15M")) {
            awaitAllSent(d, ref);
            assertThat(templates(d, ref)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "acknowledgement", 1L,
                    "information-request-domestic-homicide", (long) agencies,
                    "information-request-reminder", (long) agencies,
                    "information-request-overdue", (long) agencies,
                    "information-request-escalation", 1L));
        }
    }

    private ConfigurableApplicationContext start(long offsetDays, String hold) {
        return new SpringApplicationBuilder(OnePanelApplication.class).web(WebApplicationType.NONE)
                .profiles("test")
                .run("--spring.datasource.url=" + database, "--onepanel.clock.offset=P" + offsetDays + "D",
                        "--onepanel.requests.hold=" + hold);
    }

    /** Days from today (London) to a date: the offset that makes it "today". */
    private static long daysUntil(LocalDate date) {
        return ChronoUnit.DAYS.between(LocalDate.now(ZoneId.of("Europe/London")), date);
    }

    /** How many outbox rows of each template the referral has. */
    private static Map<String, Long> templates(ConfigurableApplicationContext context, ReferralReference ref) {
        return context.getBean(Correspondence.class).forReferral(ref.toString()).stream()
                .collect(Collectors.groupingBy(OutboundMail::template, Collectors.counting()));
    }

    private static void awaitAllSent(ConfigurableApplicationContext context, ReferralReference ref) {
        Correspondence correspondence = context.getBean(Correspondence.class);
        await().atMost(PATIENCE).until(() -> correspondence.forReferral(ref.toString()).stream()
                .allMatch(m -> m.state() == OutboundState.SENT));
    }

}
