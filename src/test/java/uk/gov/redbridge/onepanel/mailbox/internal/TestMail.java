package uk.gov.redbridge.onepanel.mailbox.internal;

import java.nio.charset.StandardCharsets;

/** Fictional test emails, written as raw RFC 822 text. */
final class TestMail {

    private TestMail() {
    }

    static byte[] simple(String messageId, String to, String body) {
        return ("From: Ann Example <ann.example@nhs-trust.example>\r\n"
                + "To: " + to + "\r\n"
                + "Subject: Appendix E referral form\r\n"
                + "Date: Fri, 20 Feb 2026 14:58:53 +0000\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
