package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Hands out {@code OP-YYYY-NNNN} in a short transaction of its own: the year's counter row is locked for the
 * moment of the UPDATE, not for the whole intake (which reads a form and writes the acknowledgement), so parallel
 * intakes do not queue on it (under load they waited past H2's lock timeout). Two instances still cannot take the
 * same number: the UPDATE serialises them. The price is a gap when the referral that took a number does not commit
 * (an intake interrupted by a crash, or rolled back); each number is logged as issued, for what, and the sweep of
 * truth records why a number was never used ({@code referral_reference_issued}, and the audit trail). A duplicate
 * is impossible; a gap is explained. Called inside an intake's transaction, it needs a second connection for a
 * moment: the pool (Hikari's 10) is larger than the listener threads that can hold one while asking (8), so a wait
 * for it is short and never a deadlock.
 */
@Component
class ReferenceAllocator {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate separateTransaction;

    ReferenceAllocator(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param issuedFor what the number is for, without personal data ({@code message <id>}, {@code by hand})
     */
    ReferralReference next(int year, String issuedFor) {
        ReferralReference reference = separateTransaction.execute(status -> take(year, issuedFor));
        if (reference == null) {
            ensureRow(year);
            reference = separateTransaction.execute(status -> take(year, issuedFor));
        }
        return reference;
    }

    /** The next number of the year and its log line; null when the year has no counter row yet. */
    private ReferralReference take(int year, String issuedFor) {
        int updated = jdbc.sql("UPDATE referral_reference_counter SET last_number = last_number + 1 "
                + "WHERE counter_year = :year").param("year", year).update();
        if (updated == 0) {
            return null;
        }
        int number = jdbc.sql("SELECT last_number FROM referral_reference_counter WHERE counter_year = :year")
                .param("year", year).query(Integer.class).single();
        ReferralReference reference = new ReferralReference(year, number);
        jdbc.sql("INSERT INTO referral_reference_issued (reference, issued_at, issued_for) VALUES (:ref, :at, :for)")
                .param("ref", reference.toString()).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("for", issuedFor.length() > 80 ? issuedFor.substring(0, 80) : issuedFor).update();
        return reference;
    }

    /** In a transaction of its own: on PostgreSQL a failed INSERT would spoil the caller's transaction. */
    private void ensureRow(int year) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO referral_reference_counter (counter_year, last_number) VALUES (:year, 0)")
                    .param("year", year).update());
        } catch (DuplicateKeyException e) {
            // another instance created it first: fine
        }
    }
}
