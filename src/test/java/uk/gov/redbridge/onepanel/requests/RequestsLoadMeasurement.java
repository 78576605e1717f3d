package uk.gov.redbridge.onepanel.requests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.redbridge.onepanel.OnePanelApplication;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.SettableClock;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * A measurement run by hand, not a test (speed is never asserted in tests): N referrals by SMTP through intake to
 * N × 13 requests delivered; N replies matched; the daily check sending N × 12 reminders, then running again.
 * {@code java -cp target/test-classes:target/classes:<dependencies> uk.gov.redbridge.onepanel.requests.RequestsLoadMeasurement 100}
 */
public final class RequestsLoadMeasurement {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        SettableClock clock = SettableClock.nextWednesdayMorning();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OnePanelApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .initializers(c -> c.getBeanFactory().registerSingleton("settableClock", clock))
                .run("--onepanel.requests.hold=PT0S", "--onepanel.correspondence.max-per-recipient-per-hour=1000000",
                        "--logging.level.root=WARN")) {
            MailAccounts accounts = context.getBean(MailAccounts.class);
            ReferralLog log = context.getBean(ReferralLog.class);
            InformationRequests requests = context.getBean(InformationRequests.class);
            Correspondence correspondence = context.getBean(Correspondence.class);
            WorkingDays workingDays = context.getBean(WorkingDays.class);
            MailServerClient mail = RequestsTestSupport.mailServer(accounts);
            Duration patience = Duration.ofMinutes(30);

            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                RequestsTestSupport.deliver(mail, TestMail.create().from("Pat Example <" + RequestsTestSupport.REFERRER + ">")
                        .to(RequestsTestSupport.RSAB).subject("One Panel referral")
                        .text(TestMail.bodyReferral("Load", "Subject" + i, "02/05/1961", "Self-neglect",
                                RequestsTestSupport.REFERRER)));
            }
            accounts.pollNow();
            await().atMost(patience).until(() -> log.latest(n + 10).size() >= n);
            List<ReferralReference> refs = log.latest(n + 10).stream().map(r -> r.reference()).toList();
            await().atMost(patience).pollInterval(Duration.ofSeconds(1)).until(() -> refs.stream()
                    .allMatch(r -> requests.forReferral(r).stream().allMatch(q -> q.status() == RequestStatus.SENT)
                            && allSent(correspondence, r)));
            long t1 = System.nanoTime();
            report("intake to requests delivered", n + " referrals, " + n * 13 + " requests", t0, t1);

            for (ReferralReference r : refs) {
                InformationRequest nelft = requests.find(r, "NELFT").orElseThrow();
                RequestsTestSupport.deliver(mail, TestMail.create().from("Named Nurse <named.nurse@nelft.nhs.uk>").to(nelft.replyAddress())
                        .subject("RE: " + nelft.token()).header("In-Reply-To", nelft.messageId())
                        .text("Known to us; return attached."));
            }
            long t2 = System.nanoTime();
            accounts.pollNow();
            await().atMost(patience).pollInterval(Duration.ofSeconds(1)).until(() -> refs.stream()
                    .allMatch(r -> requests.find(r, "NELFT").orElseThrow().status() == RequestStatus.RETURNED));
            long t3 = System.nanoTime();
            report("replies matched and recorded", n + " replies", t2, t3);

            clock.moveTo(workingDays.previousWorkingDay(requests.forReferral(refs.get(0)).get(0).deadline().due()),
                    LocalTime.of(7, 0));
            long t4 = System.nanoTime();
            DeadlineCheck check = requests.runDeadlineCheck().orElseThrow();
            long t5 = System.nanoTime();
            report("daily check (reminders queued)", check.remindersSent() + " reminders", t4, t5);
            await().atMost(patience).pollInterval(Duration.ofSeconds(1))
                    .until(() -> refs.stream().allMatch(r -> allSent(correspondence, r)));
            long t6 = System.nanoTime();
            report("reminders delivered", check.remindersSent() + " reminders", t5, t6);
            long t7 = System.nanoTime();
            DeadlineCheck again = requests.runDeadlineCheck().orElseThrow();
            long t8 = System.nanoTime();
            report("daily check again (nothing to do)", again.remindersSent() + " reminders", t7, t8);
            Map<String, Long> templates = new ArrayList<>(refs).stream()
                    .flatMap(r -> correspondence.forReferral(r.toString()).stream())
                    .collect(Collectors.groupingBy(m -> m.template(), Collectors.counting()));
            System.out.println("outbox rows by template: " + templates);
        }
    }

    private static boolean allSent(Correspondence correspondence, ReferralReference r) {
        return correspondence.forReferral(r.toString()).stream().allMatch(m -> m.state() == OutboundState.SENT);
    }

    private static void report(String what, String volume, long from, long to) {
        System.out.printf("MEASURED %-36s %-28s %8.1f s%n", what, volume, (to - from) / 1e9);
    }
}
