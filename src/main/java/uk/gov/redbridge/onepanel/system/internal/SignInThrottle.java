package uk.gov.redbridge.onepanel.system.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.audit.AuditLog;
import uk.gov.redbridge.onepanel.audit.AuditRecord;

/**
 * Throttles guessing at passwords, on the sign-in page and on the API's HTTP Basic alike: Spring Security announces
 * every failed and every successful authentication ({@link AuthenticationFailureBadCredentialsEvent},
 * {@link AuthenticationSuccessEvent}); failures are kept in the database (so every instance counts the same) and
 * counted over a sliding window. A locked user name is refused before its password is checked, through Spring
 * Security's own {@code UserDetails.isAccountNonLocked()} ({@link UserAccounts}); a locked address through
 * {@link ThrottledAuthenticationProvider}; both as a {@code LockedException}. A lock lifts by itself when enough
 * failures have aged out of the window, or when the secretariat clears it. Locks and unlocks are audited.
 */
@Service
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_USERNAME = 100;

    /** A user name or address that is locked now, and until when at the latest. */
    public record Lock(String kind, String key, int failures, Instant until) {
    }

    private final JdbcClient jdbc;
    private final SignInLimits limits;
    private final AuditLog audit;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SignInLimits limits, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean userLocked(String username) {
        return username != null && failures("username", username(username)) >= limits.maxFailuresPerUser();
    }

    public boolean addressLocked(String address) {
        return address != null && failures("address", address) >= limits.maxFailuresPerAddress();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent e) {
        failed(e.getAuthentication().getName(), remote(e.getAuthentication().getDetails()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent e) {
        // HTTP Basic succeeds on every API call: a cheap delete by index, usually of nothing
        jdbc.sql("DELETE FROM sign_in_failure WHERE username = :u").param("u", username(e.getAuthentication()
                .getName())).update();
    }

    void failed(String username, String address) {
        String user = username(username);
        jdbc.sql("INSERT INTO sign_in_failure (id, username, address, at) VALUES (:id, :u, :a, :at)")
                .param("id", UUID.randomUUID()).param("u", user).param("a", address).param("at", utc(clock.instant()))
                .update();
        if (failures("username", user) == limits.maxFailuresPerUser()) {
            log.warn("A user name was locked after {} failed sign-ins within {}", limits.maxFailuresPerUser(),
                    limits.window());
            record(user, "sign-in.locked", address, "user name");
        }
        if (address != null && failures("address", address) == limits.maxFailuresPerAddress()) {
            log.warn("An address was locked after {} failed sign-ins within {}", limits.maxFailuresPerAddress(),
                    limits.window());
            record(user, "sign-in.locked", address, "address");
        }
    }

    /** What is locked now, for the secretariat: user names, then addresses. */
    public List<Lock> current() {
        List<Lock> out = new ArrayList<>();
        out.addAll(locks("username", limits.maxFailuresPerUser()));
        out.addAll(locks("address", limits.maxFailuresPerAddress()));
        return out;
    }

    /** Clears a lock (its failures): the secretariat checked who it was. */
    public boolean unlock(String kind, String key, String actor, String actorAddress) {
        String column = column(kind);
        int cleared = jdbc.sql("DELETE FROM sign_in_failure WHERE " + column + " = :k").param("k", key).update();
        if (cleared > 0) {
            audit.record(new AuditRecord(clock.instant(), actor, "sign-in.unlocked", null, null, null, null,
                    actorAddress, "done", kind + (kind.equals("username") ? " " + key : "")));
        }
        return cleared > 0;
    }

    private List<Lock> locks(String kind, int threshold) {
        String column = column(kind);
        Instant since = clock.instant().minus(limits.window());
        List<String> keys = jdbc.sql("SELECT " + column + " FROM sign_in_failure WHERE at >= :since AND " + column
                        + " IS NOT NULL GROUP BY " + column + " HAVING COUNT(*) >= :n ORDER BY " + column)
                .param("since", utc(since)).param("n", threshold).query(String.class).list();
        List<Lock> out = new ArrayList<>();
        for (String key : keys) {
            List<OffsetDateTime> times = jdbc.sql("SELECT at FROM sign_in_failure WHERE " + column + " = :k AND at >= "
                            + ":since ORDER BY at DESC").param("k", key).param("since", utc(since))
                    .query(OffsetDateTime.class).list();
            // the lock lifts when the threshold-th newest failure leaves the window
            Instant until = times.get(threshold - 1).toInstant().plus(limits.window());
            out.add(new Lock(kind, key, times.size(), until));
        }
        return out;
    }

    private int failures(String kind, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE " + column(kind) + " = :k AND at >= :since")
                .param("k", key).param("since", utc(clock.instant().minus(limits.window()))).query(Integer.class)
                .single();
    }

    private void record(String username, String action, String address, String detail) {
        audit.record(new AuditRecord(clock.instant(), username, action, null, null, null, null, address, "locked",
                detail));
    }

    private static String column(String kind) {
        return switch (kind) {
            case "username" -> "username";
            case "address" -> "address";
            default -> throw new IllegalArgumentException("no such lock kind");
        };
    }

    private static String username(String name) {
        String n = name == null ? "" : name.trim();
        return n.length() > MAX_USERNAME ? n.substring(0, MAX_USERNAME) : n;
    }

    static String remote(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
