package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;

import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.util.MailConnectException;

/** Sorts a failed check into unreachable, authentication or other, by walking the cause chain. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static FailureKind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof TokenUnavailableException token) {
                return token.kind();
            }
            if (t instanceof AuthenticationFailedException) {
                return FailureKind.AUTHENTICATION;
            }
            if (connectionLost(t)) {
                return FailureKind.UNREACHABLE;
            }
        }
        return FailureKind.OTHER;
    }

    /** The connection to the server is gone (as opposed to the server refusing one command on one message). */
    static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (connectionLost(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(Throwable t) {
        return t instanceof MailConnectException || t instanceof FolderClosedException
                || t instanceof StoreClosedException || t instanceof ConnectionException
                || t instanceof SocketException || t instanceof UnknownHostException
                || t instanceof InterruptedIOException || t instanceof EOFException || t instanceof SSLException;
    }

    private static Throwable next(Throwable t) {
        Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                : t.getCause();
        return next == t ? null : next;
    }
}
