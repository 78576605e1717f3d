package uk.gov.redbridge.onepanel.mailbox.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.MailAccount;
import uk.gov.redbridge.onepanel.mailbox.MailEndpoint;

/**
 * Logs in to an account's IMAP or SMTP server: with its password, or with SASL XOAUTH2 and an app-only token
 * fetched for this connection (Angus builds {@code base64("user=" + user + "^Aauth=Bearer " + token + "^A^A")}
 * from the user and the token given as the password). When the server refuses a token, one fresh token is tried
 * (skipping MSAL's cache) before the refusal is reported; the caller's backoff stops any tight loop.
 */
@Component
class MailLogin {

    private final MicrosoftTokens tokens;

    MailLogin(MicrosoftTokens tokens) {
        this.tokens = tokens;
    }

    IMAPStore imap(MailboxSettings.Account account, Session session) throws MessagingException {
        IMAPStore store = (IMAPStore) session.getStore();
        connect(store, account, account.imap());
        return store;
    }

    void smtp(Transport transport, MailboxSettings.Account account) throws MessagingException {
        connect(transport, account, account.smtp());
    }

    private void connect(Service service, MailboxSettings.Account account, MailEndpoint endpoint)
            throws MessagingException {
        try {
            service.connect(endpoint.host(), endpoint.port(), account.user(), secret(account, false));
        } catch (AuthenticationFailedException e) {
            if (account.auth().type() != MailAccount.Authentication.OAUTH2) {
                throw e;
            }
            service.connect(endpoint.host(), endpoint.port(), account.user(), secret(account, true));
        }
    }

    private String secret(MailboxSettings.Account account, boolean refresh) {
        MailboxSettings.Auth auth = account.auth();
        return auth.type() == MailAccount.Authentication.OAUTH2 ? tokens.accessToken(auth, refresh) : auth.password();
    }
}
