package uk.gov.redbridge.onepanel.correspondence.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * What a failed send means for the outbox. SMTP cannot be exactly-once: a failure before the message could have
 * been accepted (no connection, authentication refused, a 4xx reply) is retried; a 5xx reply is final; anything
 * else (the connection broke mid-conversation) leaves it unknown whether the server took the message, so the row
 * becomes UNCERTAIN rather than risk a second copy.
 */
record SmtpFailure(Kind kind, String description) {

    enum Kind { TEMPORARY, PERMANENT, UNKNOWN_OUTCOME }

    static SmtpFailure classify(Exception e) {
        Integer code = returnCode(e);
        if (code != null) {
            String text = "SMTP " + code;
            if (code >= 500) {
                return new SmtpFailure(Kind.PERMANENT, text + " (permanent)");
            }
            if (code >= 400) {
                return new SmtpFailure(Kind.TEMPORARY, text + " (temporary)");
            }
        }
        if (has(e, MailConnectException.class) || has(e, ConnectException.class)
                || has(e, UnknownHostException.class) || has(e, NoRouteToHostException.class)) {
            return new SmtpFailure(Kind.TEMPORARY, "could not connect to the mail server");
        }
        if (has(e, AuthenticationFailedException.class)) {
            return new SmtpFailure(Kind.TEMPORARY, "the mail server refused the service's credentials");
        }
        return new SmtpFailure(Kind.UNKNOWN_OUTCOME, "the connection failed during sending ("
                + e.getClass().getSimpleName() + ")");
    }

    private static Integer returnCode(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
        }
        return null;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
