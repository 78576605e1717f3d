package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The logged header fields are read leniently: bad headers give what can be had, never an exception. */
class HeaderFactsTests {

    @Test
    void readsTheLoggedFieldsOfAnOrdinaryMessage() {
        HeaderFacts facts = HeaderFacts.read(("From: \"Ann Example\" <Ann.Example@NHS-Trust.example>\r\n"
                + "To: RedbridgeOnePanel@redbridge.gov.uk, RSAB+op-2026-0001@redbridge.gov.uk\r\n"
                + "Cc: team@nhs-trust.example\r\nDelivered-To: redbridgeonepanel@redbridge.gov.uk\r\n"
                + "Subject: =?UTF-8?Q?Referral_=E2=80=93_form?=\r\n  attached\r\n"
                + "Date: Fri, 20 Feb 2026 14:58:53 +0000\r\nMessage-ID: <abc@host.example>\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(facts.sender()).isEqualTo("ann.example@nhs-trust.example");
        assertThat(facts.recipients()).containsExactly("redbridgeonepanel@redbridge.gov.uk",
                "rsab+op-2026-0001@redbridge.gov.uk", "team@nhs-trust.example");
        assertThat(facts.subject()).isEqualTo("Referral \u2013 form attached");
        assertThat(facts.sentAt()).isEqualTo(Instant.parse("2026-02-20T14:58:53Z"));
        assertThat(facts.messageId()).isEqualTo("<abc@host.example>");
    }

    @Test
    void unreadableAddressesAndDatesGiveWhatCanBeHad() {
        HeaderFacts facts = HeaderFacts.read(("From: \"unclosed <someone@nhs-trust.example\r\n"
                + "To: <a@x.example>>, \"broken, b@y.example\r\nDate: the day after tomorrow\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(facts.sender()).isEqualTo("someone@nhs-trust.example");
        assertThat(facts.recipients()).contains("a@x.example", "b@y.example");
        assertThat(facts.sentAt()).isNull();
        assertThat(facts.messageId()).isNull();
    }

    @Test
    void eightBitAndControlCharactersAreCleanedAndLongValuesCapped() {
        byte[] raw = ("Subject: caf\u00e9 \u0000 r\u00e9f\u00e9rence\r\nMessage-ID: <" + "x".repeat(5000) + "@h>\r\n"
                + "From: no address here\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        HeaderFacts facts = HeaderFacts.read(raw);

        assertThat(facts.subject()).isEqualTo("caf\u00e9  r\u00e9f\u00e9rence").doesNotContain("\u0000");
        assertThat(facts.messageId()).hasSize(HeaderFacts.MAX_MESSAGE_ID);
        // a From without an address gives no sender (it used to be stored as written, display name and all)
        assertThat(facts.sender()).isNull();
    }

    /** Issue 11: "N" x 1,048,576 as a display name made the old backtracking pattern spin for hours. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMegabyteDisplayNameIsReadInLinearTime() {
        byte[] raw = ("From: " + "N".repeat(1 << 20) + "\r\nSender: <ann@nhs-trust.example>\r\nTo: "
                + "<".repeat(1 << 19) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        HeaderFacts facts = HeaderFacts.read(raw);

        assertThat(facts.sender()).isEqualTo("ann@nhs-trust.example");
        assertThat(facts.recipients()).isEmpty();
    }

    @Test
    void aMalformedFromIsDroppedAndNoLineBreakIsEverStored() {
        String encodedCrLf = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "Ann\r\nBcc: victim@x.example".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertThat(HeaderFacts.read(("From: " + encodedCrLf + " <ann@nhs-trust.example>\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)).sender()).isEqualTo("ann@nhs-trust.example");
        for (String from : new String[] {"Ann <ann@@nhs-trust.example>", "ann@nhs-trust.example.",
                "\"Ann\" <ann@nhs-trust>", "Ann\r\n <a nn@nhs-trust.example>"}) {
            HeaderFacts facts = HeaderFacts.read(("From: " + from + "\r\nSubject: s\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(facts.sender()).as(from).isNull();
        }
    }

    @Test
    void recipientsAreCapped() {
        StringBuilder to = new StringBuilder("To: ");
        for (int i = 0; i < 3000; i++) {
            to.append("p").append(i).append("@x.example,\r\n ");
        }
        HeaderFacts facts = HeaderFacts.read((to + "p@y.example\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(facts.recipients()).hasSize(uk.gov.redbridge.onepanel.mailparsing.MailAddresses.MAX_ADDRESSES);
    }

    @Test
    void noHeadersAtAllGiveNothing() {
        HeaderFacts facts = HeaderFacts.read(new byte[0]);
        assertThat(facts.sender()).isNull();
        assertThat(facts.recipients()).isEmpty();
    }
}
