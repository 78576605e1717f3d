package uk.gov.redbridge.onepanel.referrals.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Hands out {@code OP-YYYY-NNNN} in the caller's transaction. The UPDATE locks the year's counter row until the
 * referral commits, so two instances cannot take the same number; a rolled-back referral never had its number,
 * so no number that was ever used is given twice.
 */
@Component
class ReferenceAllocator {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    ReferenceAllocator(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ReferralReference next(int year) {
        int updated = jdbc.sql("UPDATE referral_reference_counter SET last_number = last_number + 1 WHERE counter_year = :year")
                .param("year", year).update();
        if (updated == 0) {
            ensureRow(year);
            jdbc.sql("UPDATE referral_reference_counter SET last_number = last_number + 1 WHERE counter_year = :year")
                    .param("year", year).update();
        }
        int number = jdbc.sql("SELECT last_number FROM referral_reference_counter WHERE counter_year = :year")
                .param("year", year).query(Integer.class).single();
        return new ReferralReference(year, number);
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
