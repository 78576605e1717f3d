package uk.gov.redbridge.onepanel.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailAccountTests {

    private final MailAccount rsab = new MailAccount("rsab", "RSAB@redbridge.gov.uk",
            new MailEndpoint("127.0.0.1", 3143, MailEndpoint.Security.NONE),
            new MailEndpoint("127.0.0.1", 3025, MailEndpoint.Security.NONE), "RSAB@redbridge.gov.uk",
            MailAccount.Authentication.PASSWORD, "INBOX", "OnePanel Processed");

    @Test
    void receivesMailForItsAddressInAnyCaseAndWithAnyPlusTag() {
        assertThat(rsab.receivesFor("RSAB@redbridge.gov.uk")).isTrue();
        assertThat(rsab.receivesFor("rsab@Redbridge.GOV.uk")).isTrue();
        assertThat(rsab.receivesFor(" RSAB+op-2026-0001-nelft@redbridge.gov.uk ")).isTrue();
    }

    @Test
    void doesNotReceiveMailForOtherAddresses() {
        assertThat(rsab.receivesFor("RedbridgeSCP@redbridge.gov.uk")).isFalse();
        assertThat(rsab.receivesFor("rsab@redbridge.gov.uk.example")).isFalse();
        assertThat(rsab.receivesFor("x+RSAB@redbridge.gov.uk")).isFalse();
        assertThat(rsab.receivesFor("RSAB")).isFalse();
        assertThat(rsab.receivesFor(null)).isFalse();
    }
}
