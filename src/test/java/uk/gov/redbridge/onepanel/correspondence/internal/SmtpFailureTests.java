package uk.gov.redbridge.onepanel.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailureTests {

    @Test
    void permanentReplyIsFinal() throws Exception {
        var e = new SendFailedException("failed", new SMTPAddressFailedException(new InternetAddress("x@nhs.net"),
                "RCPT TO", 550, "5.1.1 user unknown"));
        assertThat(SmtpFailure.classify(e).kind()).isEqualTo(SmtpFailure.Kind.PERMANENT);
        assertThat(SmtpFailure.classify(e).description()).isEqualTo("SMTP 550 (permanent)");
    }

    @Test
    void basicAuthSwitchedOffIsPermanent() {
        var e = new SMTPSendFailedException("MAIL FROM", 550,
                "5.7.30 Basic authentication is not supported for Client Submission", null, null, null, null);
        assertThat(SmtpFailure.classify(e).kind()).isEqualTo(SmtpFailure.Kind.PERMANENT);
    }

    @Test
    void temporaryReplyIsRetried() {
        var e = new SMTPSendFailedException("DATA", 451, "4.3.0 try later", null, null, null, null);
        assertThat(SmtpFailure.classify(e).kind()).isEqualTo(SmtpFailure.Kind.TEMPORARY);
    }

    @Test
    void noConnectionOrRefusedCredentialsAreRetried() {
        assertThat(SmtpFailure.classify(new MessagingException("x", new ConnectException("refused"))).kind())
                .isEqualTo(SmtpFailure.Kind.TEMPORARY);
        assertThat(SmtpFailure.classify(new AuthenticationFailedException("no")).kind())
                .isEqualTo(SmtpFailure.Kind.TEMPORARY);
    }

    @Test
    void aBrokenConversationLeavesTheOutcomeUnknown() {
        var e = new MessagingException("Exception reading response", new SocketTimeoutException("read timed out"));
        assertThat(SmtpFailure.classify(e).kind()).isEqualTo(SmtpFailure.Kind.UNKNOWN_OUTCOME);
    }
}
