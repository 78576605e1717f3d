package uk.gov.redbridge.onepanel.mailparsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Address headers read in one pass: display names dropped, every address checked. The timeouts are not speed
 * targets (each case takes milliseconds): they turn a parser that would spin for hours (Jakarta Mail's
 * {@code parseHeader} on 1 MB of {@code <}, the old backtracking pattern on a 1 MB display name) into a failure.
 */
class MailAddressesTests {

    @Test
    void displayNamesAreDroppedAndAddressesLowerCased() {
        assertThat(MailAddresses.parse("\"Ann Example\" <Ann.Example@NHS-Trust.example>"))
                .containsExactly("ann.example@nhs-trust.example");
        assertThat(MailAddresses.parse("Yilmaz, Connor <c.yilmaz@nhs.net>, b@x.example (a comment), c@y.example"))
                .containsExactly("c.yilmaz@nhs.net", "b@x.example", "c@y.example");
        assertThat(MailAddresses.parse("\"x@evil.example\" <real@nhs.net>")).containsExactly("real@nhs.net");
        assertThat(MailAddresses.parse("team: a@x.example, b@x.example;, undisclosed-recipients:;"))
                .containsExactly("a@x.example", "b@x.example");
        assertThat(MailAddresses.parse("a@x.example, A@X.example")).containsExactly("a@x.example");
    }

    @Test
    void brokenQuotingStillGivesTheWholeAddressesInIt() {
        assertThat(MailAddresses.parse("\"unclosed <someone@nhs-trust.example")).containsExactly(
                "someone@nhs-trust.example");
        assertThat(MailAddresses.parse("<a@x.example>>, \"broken, b@y.example")).contains("a@x.example",
                "b@y.example");
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String bad : new String[] {"a@@b.example", "a@b.example.", ".a@b.example", "a..b@c.example",
                "a@b", "@b.example", "a@", "a@-b.example", "a@b..example", "a\r\nbcc@b.example", "a b@c.example",
                "\"q\"@b.example", "a@[192.0.2.1]", "x".repeat(65) + "@b.example",
                "a@" + "b".repeat(64) + ".example", "a@" + "b.".repeat(130) + "example"}) {
            assertThat(MailAddresses.valid(bad)).as(bad).isEmpty();
        }
        assertThat(MailAddresses.parse("Name <a@@b.example>")).isEmpty();
        assertThat(MailAddresses.parse("Name\r\n Injected <a@b.example.>")).isEmpty();
        assertThat(MailAddresses.valid("o'brien+op-2026-0001@nhs.net")).contains("o'brien+op-2026-0001@nhs.net");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileHeadersOfAMegabyteAreReadInLinearTime() {
        int mb = 1 << 20;
        for (String unit : new String[] {"N", "<", "(", "[", "\"", ",", "@", ":", "a@", "<a", "<a@b.example>",
                "\\", "(<", "a@b:"}) {
            String text = unit.repeat(mb / unit.length());
            assertThat(MailAddresses.parse(text)).as(unit).hasSizeLessThanOrEqualTo(MailAddresses.MAX_ADDRESSES);
        }
        assertThat(MailAddresses.parse("N".repeat(mb) + " <a@b.example>")).isEmpty(); // past the 100 KiB cap
        assertThat(MailAddresses.parse("N".repeat(50_000) + " <a@b.example>")).containsExactly("a@b.example");
    }

    @Test
    void theNumberOfAddressesIsCapped() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            many.append("p").append(i).append("@x.example, ");
        }
        assertThat(MailAddresses.parse(many.toString())).hasSize(MailAddresses.MAX_ADDRESSES);
    }
}
