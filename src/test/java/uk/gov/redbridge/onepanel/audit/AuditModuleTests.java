package uk.gov.redbridge.onepanel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionResolved;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.ReferralStatusChanged;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The audit module on its own (Spring Modulith's {@code @ApplicationModuleTest}: only {@code audit} is started, on
 * its own database): the changes other modules announce become lines of the log with their actor, and the log is
 * read oldest first, each text cut to its column. The modules it reads (referrals, exceptions) are stood in for; the clock
 * is fixed.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class AuditModuleTests {

    static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");
    /** Scenario's default wait is 10 s; a loaded two-core machine needs longer (a wait, not a speed target). */
    static final Duration WAIT = Duration.ofSeconds(60);

    @TestConfiguration
    static class FixedTime {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @MockitoBean
    ReferralLog referrals;
    @MockitoBean
    ExceptionsQueue exceptions;

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStatusChangeAnnouncedByReferralsIsAnAuditLineWithWhoAndWhat(Scenario scenario) {
        ReferralReference reference = ReferralReference.parse("OP-2026-0417");
        scenario.publish(new ReferralStatusChanged(new ReferralId(UUID.randomUUID()), reference,
                        ReferralStatus.RECEIVED, ReferralStatus.READY_FOR_PANEL, "secretariat.one"))
                .andWaitAtMost(WAIT).andWaitForStateChange(() -> audit.forReferral(reference, List.of()), lines -> !lines.isEmpty())
                .andVerify(lines -> assertThat(lines).singleElement().satisfies(line -> {
                    assertThat(line.actor()).isEqualTo("secretariat.one");
                    assertThat(line.action()).isEqualTo("referral.status-changed");
                    assertThat(line.detail()).isEqualTo("RECEIVED to READY_FOR_PANEL");
                    assertThat(line.outcome()).isEqualTo("done");
                    assertThat(line.at()).isEqualTo(NOW);
                }));
    }

    @Test
    void aResolvedExceptionIsReadWithTheCaseItBelongsTo(Scenario scenario) {
        ReferralReference reference = ReferralReference.parse("OP-2026-0418");
        ExceptionId exception = new ExceptionId(UUID.randomUUID());
        given(exceptions.find(exception)).willReturn(Optional.empty());

        scenario.publish(new ExceptionResolved(exception, "not_a_referral", "secretariat.two"))
                .andWaitAtMost(WAIT).andWaitForStateChange(() -> audit.forReferral(reference, List.of(exception.value())),
                        lines -> !lines.isEmpty())
                .andVerify(lines -> assertThat(lines).singleElement().satisfies(line -> {
                    assertThat(line.action()).isEqualTo("exception.resolved");
                    assertThat(line.exceptionId()).isEqualTo(exception.value());
                    assertThat(line.detail()).isEqualTo("not_a_referral");
                }));
    }

    @Test
    void theLogIsReadOldestFirstAndLongTextsAreCutToTheirColumns() {
        ReferralReference reference = ReferralReference.parse("OP-2026-0419");
        audit.record(new AuditRecord(NOW.plusSeconds(60), "b", "case.viewed", reference.toString(), null, null, null,
                "10.0.0.2", "200", null));
        audit.record(new AuditRecord(NOW, "a".repeat(300), "case.viewed", reference.toString(), null, null, null,
                "10.0.0.1", "200", "x".repeat(2000)));

        List<AuditRecord> lines = audit.forReferral(reference, List.of());

        assertThat(lines).extracting(AuditRecord::ip).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(lines.get(0).actor()).hasSize(100);
        assertThat(lines.get(0).detail()).hasSize(500);
    }
}
