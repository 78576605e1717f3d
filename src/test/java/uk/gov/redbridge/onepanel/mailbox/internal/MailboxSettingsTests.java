package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MailboxSettingsTests {

    @Test
    void defaultsAreTheDocumentedOnes() {
        MailboxSettings settings = TestSettings.settings().passwordAccount("rsab", "RSAB@redbridge.gov.uk", 1, 2)
                .bind();

        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.idle().enabled()).isTrue();
        assertThat(settings.idle().reIdleInterval()).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(settings.batchSize()).isEqualTo(50);
        assertThat(settings.maxMessageSize().toMegabytes()).isEqualTo(50);
        assertThat(settings.health().staleAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.timeouts().connection()).isPositive();
        MailboxSettings.Account account = settings.accounts().get(0);
        assertThat(account.user()).isEqualTo("RSAB@redbridge.gov.uk");
        assertThat(account.inboxFolder()).isEqualTo("INBOX");
        assertThat(account.processedFolder()).isEqualTo("OnePanel Processed");
    }

    @Test
    void backoffDoublesUpToItsMaximumAndNeverRetriesAuthenticationWithinFiveMinutes() {
        MailboxSettings.Backoff backoff = TestSettings.settings().bind().backoff();

        assertThat(backoff.delayAfter(1, FailureKind.UNREACHABLE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2, FailureKind.UNREACHABLE)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(3, FailureKind.OTHER)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.delayAfter(50, FailureKind.UNREACHABLE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.delayAfter(1, FailureKind.AUTHENTICATION)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(6, FailureKind.AUTHENTICATION)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesSettingsThatWouldBreakTheRules() {
        assertThatThrownBy(() -> TestSettings.settings().set("backoff.authentication", "PT1M").bind())
                .hasStackTraceContaining("at least 5 minutes");
        assertThatThrownBy(() -> TestSettings.settings().set("idle.re-idle-interval", "PT29M").bind())
                .hasStackTraceContaining("10 minutes");
        assertThatThrownBy(() -> TestSettings.settings().passwordAccount("rsab", "RSAB@redbridge.gov.uk", 1, 2)
                .accountSet("auth.password", "").bind()).hasStackTraceContaining("auth.password is required");
        assertThatThrownBy(() -> TestSettings.settings().oauthAccount("rsab", "RSAB@redbridge.gov.uk", 1, 2)
                .accountSet("auth.client-secret", "").bind()).hasStackTraceContaining("client-secret");
        assertThatThrownBy(() -> TestSettings.settings().passwordAccount("rsab", "RSAB@redbridge.gov.uk", 1, 2)
                .passwordAccount("rsab", "RedbridgeSCP@redbridge.gov.uk", 1, 2).bind())
                .hasStackTraceContaining("two mailboxes are named 'rsab'");
    }
}
