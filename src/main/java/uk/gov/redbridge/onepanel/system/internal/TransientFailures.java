package uk.gov.redbridge.onepanel.system.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that say nothing about the work itself and are likely to pass if it is simply done again: a lock wait
 * that timed out, a deadlock or serialisation failure, a connection lost or not to be had. A duplicate key or a
 * bad statement is not one of them.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataIntegrityViolationException) {
                return false;
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes: 08 connection exception; 40 transaction rollback (40001 serialisation failure, 40P01
     * PostgreSQL deadlock); 55P03 PostgreSQL lock not available; HYT00 timeout (H2's lock timeout).
     */
    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.equals("55P03")
                || state.equals("HYT00"));
    }
}
