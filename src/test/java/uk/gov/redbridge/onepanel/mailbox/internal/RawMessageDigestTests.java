package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.storage.ContentStore;

class RawMessageDigestTests {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theShaIsOfEveryByteAndMatchesTheContentStores() {
        byte[] raw = bytes("Subject: a\r\n\r\nbody\r\n");
        assertThat(RawMessageDigest.of(raw).sha256()).isEqualTo(ContentStore.sha256Hex(raw));
        assertThat(RawMessageDigest.of(raw).size()).isEqualTo(raw.length);
    }

    @Test
    void theHeaderBlockEndsAtTheFirstEmptyLineWithCrlfOrBareLf() {
        assertThat(RawMessageDigest.of(bytes("A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore")).headerBlock())
                .isEqualTo(bytes("A: 1\r\nB: 2\r\n\r\n"));
        assertThat(RawMessageDigest.of(bytes("A: 1\nB: 2\n\nbody")).headerBlock()).isEqualTo(bytes("A: 1\nB: 2\n\n"));
        assertThat(RawMessageDigest.of(bytes("A: 1\r\nno body")).headerBlock()).isEqualTo(bytes("A: 1\r\nno body"));
    }

    @Test
    void theSameEmailWithOtherTransportHeadersHasTheSameContentKey() {
        String body = "\r\n--b\r\nContent-Type: text/plain\r\n\r\nPlease find the referral.\r\n--b--\r\n";
        RawMessageDigest inOnePanel = RawMessageDigest.of(bytes("Received: from a by b\r\nDelivered-To: "
                + "redbridgeonepanel@redbridge.gov.uk\r\nMessage-ID: <1@x>\r\n" + body));
        RawMessageDigest inRsab = RawMessageDigest.of(bytes("Received: from c by d\r\nMessage-ID: <1@x>\r\n" + body));

        assertThat(inOnePanel.sha256()).isNotEqualTo(inRsab.sha256());
        assertThat(inOnePanel.contentKey("<1@x>")).isEqualTo(inRsab.contentKey("<1@x>"));
        assertThat(inOnePanel.contentKey("<2@x>")).isNotEqualTo(inRsab.contentKey("<1@x>"));
    }

    @Test
    void digestingInChunksGivesWhatDigestingAtOnceGives() {
        byte[] raw = new byte[300_000];
        new Random(7).nextBytes(raw);
        System.arraycopy(bytes("From: a@b.example\r\nSubject: x\r\n\r\n"), 0, raw, 0, 33);
        RawMessageDigest whole = RawMessageDigest.of(raw);
        for (int chunk : new int[] {1, 2, 7, 31, 4096, 65536}) {
            RawMessageDigest streamed = new RawMessageDigest();
            for (int i = 0; i < raw.length; i += chunk) {
                streamed.update(raw, i, Math.min(chunk, raw.length - i));
            }
            assertThat(streamed.sha256()).isEqualTo(whole.sha256());
            assertThat(streamed.bodySha256()).isEqualTo(whole.bodySha256());
            assertThat(streamed.headerBlock()).isEqualTo(whole.headerBlock());
        }
    }
}
