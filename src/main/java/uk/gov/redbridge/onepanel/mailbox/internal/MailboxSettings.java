package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import uk.gov.redbridge.onepanel.mailbox.MailAccount;
import uk.gov.redbridge.onepanel.mailbox.MailEndpoint;

/**
 * The panel mailboxes and how they are read. Passwords and client secrets come only from the environment (see
 * application-production.yml); the embedded default's passwords are the addresses themselves (GreenMail's
 * convention), which protect nothing.
 *
 * @param accounts            the mailboxes to read and send from
 * @param pollInterval        how often every mailbox is checked (IMAP IDLE, where offered, is the fast path)
 * @param scheduledPolling    false: no timed polls and no IDLE; mailboxes are read only through
 *                            {@code MailAccounts.pollNow()} (tests)
 * @param idle                IMAP IDLE
 * @param batchSize           how many messages' UIDs, sizes and flags are fetched in one command
 * @param maxMessageSize      a larger message is logged with its headers only, quarantined ({@code too_large}) and
 *                            moved
 * @param poisonAttempts      after this many polls in a row fail on one message, or this many takes of it start and
 *                            never end (the service hung or stopped during them), it is quarantined and the poll no
 *                            longer tries it
 * @param stepTimeLimit       the longest reading a message's header fields may take (a step on untrusted input): past
 *                            it the step is abandoned and the message is kept and quarantined as {@code too_complex}
 * @param lockAtMostFor       how long the lock of an instance that died stops others from polling the mailbox
 *                            (the lock is kept alive while a poll runs, so a long poll keeps it); at least 30 s
 * @param ignoredCapabilities IMAP capabilities not to use even if the server offers them (e.g. a server whose MOVE
 *                            is broken): {@code IDLE}, {@code MOVE}, {@code UIDPLUS}
 */
@ConfigurationProperties("onepanel.mailbox")
@Validated
record MailboxSettings(
        @Valid List<Account> accounts,
        @DefaultValue("PT60S") @NotNull Duration pollInterval,
        @DefaultValue("true") boolean scheduledPolling,
        @Valid @DefaultValue Idle idle,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("50MB") @NotNull DataSize maxMessageSize,
        @Valid @DefaultValue Timeouts timeouts,
        @Valid @DefaultValue Backoff backoff,
        @Valid @DefaultValue Health health,
        @DefaultValue("3") @Min(1) int poisonAttempts,
        @DefaultValue("PT10S") @NotNull Duration stepTimeLimit,
        @DefaultValue("PT1M") @NotNull Duration lockAtMostFor,
        List<String> ignoredCapabilities,
        @Valid @DefaultValue Embedded embedded) {

    MailboxSettings {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        ignoredCapabilities = ignoredCapabilities == null ? List.of() : List.copyOf(ignoredCapabilities);
        Set<String> names = new HashSet<>();
        for (Account account : accounts) {
            if (!names.add(account.name())) {
                throw new IllegalArgumentException("two mailboxes are named '" + account.name() + "'");
            }
        }
        if (lockAtMostFor.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("lock-at-most-for must be at least 30 seconds (ShedLock's keep-alive)");
        }
        if (maxMessageSize.toBytes() > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("max-message-size must stay below 2 GB");
        }
    }

    /**
     * @param name            a short key stored with every message, e.g. {@code onepanel}
     * @param user            the login; defaults to the address (Microsoft 365: the shared mailbox address)
     * @param inboxFolder     where new mail is taken from
     * @param processedFolder where a stored message is moved to; created if missing
     */
    record Account(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,40}") String name,
            @NotBlank @Email String address,
            @Valid @NotNull MailEndpoint imap,
            @Valid @NotNull MailEndpoint smtp,
            String user,
            @Valid @NotNull Auth auth,
            @DefaultValue("INBOX") @NotBlank String inboxFolder,
            @DefaultValue("OnePanel Processed") @NotBlank String processedFolder) {

        Account {
            if (user == null || user.isBlank()) {
                user = address;
            }
        }

        MailAccount view() {
            return new MailAccount(name, address, imap, smtp, user, auth.type(), inboxFolder, processedFolder);
        }
    }

    /**
     * @param password            PASSWORD only
     * @param tenantId            OAUTH2: the Entra tenant (directory) id
     * @param clientId            OAUTH2: the app registration's application (client) id
     * @param clientSecret        OAUTH2: a client secret, or else a certificate:
     * @param certificatePath     OAUTH2: a PKCS#12 file holding the app's certificate and private key
     * @param certificatePassword OAUTH2: its password
     * @param authority           the Entra login host
     * @param scope               the token scope: Exchange Online for IMAP and SMTP
     */
    record Auth(
            @NotNull MailAccount.Authentication type,
            String password,
            String tenantId,
            String clientId,
            String clientSecret,
            String certificatePath,
            String certificatePassword,
            @DefaultValue("https://login.microsoftonline.com/") String authority,
            @DefaultValue("https://outlook.office365.com/.default") String scope) {

        Auth {
            if (type == MailAccount.Authentication.PASSWORD && blank(password)) {
                throw new IllegalArgumentException("auth.password is required for PASSWORD authentication");
            }
            if (type == MailAccount.Authentication.OAUTH2) {
                if (blank(tenantId) || blank(clientId)) {
                    throw new IllegalArgumentException("auth.tenant-id and auth.client-id are required for OAUTH2");
                }
                if (blank(clientSecret) && blank(certificatePath)) {
                    throw new IllegalArgumentException(
                            "OAUTH2 needs auth.client-secret or auth.certificate-path (and certificate-password)");
                }
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /**
     * @param enabled         use IMAP IDLE where the server offers it
     * @param reIdleInterval  IDLE is ended and re-issued this often (RFC 2177 asks for less than 29 minutes; we stay
     *                        at 10 or less), which also proves the connection is alive
     */
    record Idle(@DefaultValue("true") boolean enabled, @DefaultValue("PT4M") @NotNull Duration reIdleInterval) {

        Idle {
            if (reIdleInterval.compareTo(Duration.ofMinutes(10)) > 0 || reIdleInterval.isNegative()
                    || reIdleInterval.isZero()) {
                throw new IllegalArgumentException("idle.re-idle-interval must be between 0 and 10 minutes");
            }
        }
    }

    /** Socket timeouts for every IMAP and SMTP connection (Jakarta Mail's defaults are infinite). */
    record Timeouts(
            @DefaultValue("PT30S") @NotNull Duration connection,
            @DefaultValue("PT60S") @NotNull Duration read,
            @DefaultValue("PT60S") @NotNull Duration write) {
    }

    /**
     * @param initial        the wait after the first failure; doubled after each further one
     * @param max            the longest wait
     * @param authentication the shortest wait after an authentication failure: never less than 5 minutes, so a
     *                       revoked consent or a wrong secret does not hammer the identity provider
     */
    record Backoff(
            @DefaultValue("PT30S") @NotNull Duration initial,
            @DefaultValue("PT15M") @NotNull Duration max,
            @DefaultValue("PT5M") @NotNull Duration authentication) {

        Backoff {
            if (authentication.compareTo(Duration.ofMinutes(5)) < 0) {
                throw new IllegalArgumentException("backoff.authentication must be at least 5 minutes");
            }
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < initial <= max");
            }
        }

        /**
         * How long to wait after this many failures in a row: the initial wait doubled per further failure up to
         * the maximum, and never less than {@link #authentication} after an authentication failure.
         */
        Duration delayAfter(int consecutiveFailures, FailureKind kind) {
            Duration delay = initial;
            for (int i = 1; i < consecutiveFailures && delay.compareTo(max) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            if (delay.compareTo(max) > 0) {
                delay = max;
            }
            if (kind == FailureKind.AUTHENTICATION && delay.compareTo(authentication) < 0) {
                delay = authentication;
            }
            return delay;
        }
    }

    /**
     * @param staleAfter a mailbox not checked successfully for this long is DOWN
     * @param stuckAfter a check that has been on one step (logging in, one message) for this long is DOWN, naming the
     *                   step
     */
    record Health(@DefaultValue("PT5M") @NotNull Duration staleAfter,
            @DefaultValue("PT1M") @NotNull Duration stuckAfter) {
    }

    /**
     * The embedded mail server (GreenMail) for running on one machine with no configuration.
     *
     * @param smtpPort  0 = a free port chosen at start-up (tests)
     * @param imapPort  0 = a free port chosen at start-up (tests)
     * @param mailboxes created at start-up (any other address gets its mailbox when mail for it arrives)
     */
    record Embedded(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") @NotBlank String host,
            @DefaultValue("3025") @Min(0) @Max(65535) int smtpPort,
            @DefaultValue("3143") @Min(0) @Max(65535) int imapPort,
            List<String> mailboxes) {

        Embedded {
            mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        }
    }
}
