package uk.gov.redbridge.onepanel.referrals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.referrals.UnfinishedReferralWork;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Reference numbers do not serialise intake: a number is taken in a short transaction of its own, so an intake
 * still open after taking one (reading a form, writing the acknowledgement) does not hold up the next. On today's
 * code the second intake waits on the counter row until the first commits, and here (the first waits for the
 * second) until H2's lock timeout fails it: the defect the chaos run found under load. A number whose referral
 * never committed is a gap, and says why; no number is given twice.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReferenceAllocatorTests {

    @Autowired
    ReferenceAllocator allocator;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UnfinishedReferralWork unfinished;

    @Test
    void aNumberIsTakenWhileAnotherIntakeThatTookOneIsStillOpen() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch secondTaken = new CountDownLatch(1);
        CompletableFuture<ReferralReference> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            ReferralReference r = allocator.next(2031, "test: first intake");
            firstTaken.countDown();
            try {
                // the first intake stays open until the second has its number
                secondTaken.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return r;
        }));
        assertThat(firstTaken.await(60, TimeUnit.SECONDS)).isTrue();
        ReferralReference second = tx.execute(status -> allocator.next(2031, "test: second intake"));
        secondTaken.countDown();

        ReferralReference firstNumber = first.get(60, TimeUnit.SECONDS);
        assertThat(second.number()).isEqualTo(firstNumber.number() + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_reference_issued WHERE reference IN (:a, :b)")
                .param("a", firstNumber.toString()).param("b", second.toString()).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aNumberWhoseReferralRolledBackIsAGapWithItsReasonAndIsNeverGivenAgain() {
        ReferralReference[] taken = new ReferralReference[1];
        tx.executeWithoutResult(status -> {
            taken[0] = allocator.next(2032, "test: intake that rolls back");
            status.setRollbackOnly();
        });
        ReferralReference next = tx.execute(status -> allocator.next(2032, "test: next intake"));
        assertThat(next.number()).isEqualTo(taken[0].number() + 1);

        unfinished.explainUnusedReferences(java.time.Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(jdbc.sql("SELECT unused_reason FROM referral_reference_issued WHERE reference = :r")
                .param("r", taken[0].toString()).query(String.class).single())
                .contains("test: intake that rolls back").contains("did not complete");
    }
}
