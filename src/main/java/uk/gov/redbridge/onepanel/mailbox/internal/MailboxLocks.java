package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One ShedLock lock per mailbox on the {@code shedlock} table, so that two instances never poll one folder at the
 * same time. The lock is kept alive while a poll runs (a long first import does not lose it) and expires after
 * {@code lock-at-most-for} if its instance dies. Times are the database's, so instances with skewed clocks agree.
 * The provider is the module's own (no LockProvider bean), so other modules may configure theirs freely.
 */
@Component
class MailboxLocks implements DisposableBean {

    private final LockingTaskExecutor executor;
    private final ScheduledExecutorService keepAlive;
    private final Duration lockAtMostFor;

    MailboxLocks(DataSource dataSource, MailboxSettings settings) {
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailbox-lock-keepalive");
            t.setDaemon(true);
            return t;
        });
        JdbcTemplateLockProvider jdbc = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
        this.executor = new DefaultLockingTaskExecutor(new KeepAliveLockProvider(jdbc, keepAlive));
        this.lockAtMostFor = settings.lockAtMostFor();
    }

    /** Runs the work if this instance gets the mailbox's lock; empty if another instance holds it. */
    <T> Optional<T> withLock(String mailbox, Supplier<T> work) {
        LockConfiguration lock = new LockConfiguration(ClockProvider.now(), "mailbox-poll-" + mailbox,
                lockAtMostFor, Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(
                    (LockingTaskExecutor.TaskWithResult<T>) work::get, lock);
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
