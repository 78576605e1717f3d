package uk.gov.redbridge.onepanel.referrals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

class ReplyAddressTests {

    @Test
    void anOutlookDisplayNameWithACommaIsNotTakenForAnAddress() {
        byte[] raw = ("From: Yilmaz, Connor <connor.yilmaz@nhs.example>\r\nTo: RedbridgeOnePanel@redbridge.gov.uk\r\n"
                + "Subject: One Panel referral\r\n\r\nbody\r\n").getBytes();
        InboundMessage message = new InboundMessage(InboundMessageId.random(), "onepanel",
                "RedbridgeOnePanel@redbridge.gov.uk", "INBOX", 1, 1, null, "Yilmaz, Connor <connor.yilmaz@nhs.example>",
                List.of(), "One Panel referral", null, Instant.EPOCH, raw.length, "x", "y", null);

        assertThat(ReferralWriter.replyAddressOf(MailParser.parse(raw), message)).isEqualTo("connor.yilmaz@nhs.example");
    }
}
