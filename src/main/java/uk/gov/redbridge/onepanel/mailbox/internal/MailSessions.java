package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Session;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.MailAccount;
import uk.gov.redbridge.onepanel.mailbox.MailEndpoint;

/**
 * Jakarta Mail sessions for one account's IMAP and SMTP servers. Every connection has connection, read and write
 * timeouts (Jakarta Mail's defaults are infinite); TLS is checked against the server's name; messages are read with
 * {@code BODY.PEEK} so that reading never sets {@code \Seen}; XOAUTH2 is the only mechanism offered for OAuth2.
 */
@Component
class MailSessions {

    private final MailboxSettings.Timeouts timeouts;

    MailSessions(MailboxSettings settings) {
        this.timeouts = settings.timeouts();
    }

    /** For polling: the configured read timeout. */
    Session imap(MailboxSettings.Account account) {
        return Session.getInstance(imapProperties(account, timeouts.read()));
    }

    /**
     * For IDLE: a read may wait for a whole IDLE period, so the read timeout is that period plus the ordinary read
     * timeout. A server that stops answering is noticed within that time.
     */
    Session idle(MailboxSettings.Account account, Duration reIdleInterval) {
        return Session.getInstance(imapProperties(account, reIdleInterval.plus(timeouts.read())));
    }

    Session smtp(MailboxSettings.Account account) {
        Properties props = new Properties();
        String p = common(props, "mail.transport.protocol", "smtp", account, account.smtp(), timeouts.read());
        props.setProperty(p + "auth", "true");
        // the envelope sender: bounces come back to the panel mailbox
        props.setProperty(p + "from", account.address());
        return Session.getInstance(props);
    }

    private Properties imapProperties(MailboxSettings.Account account, Duration readTimeout) {
        Properties props = new Properties();
        String p = common(props, "mail.store.protocol", "imap", account, account.imap(), readTimeout);
        props.setProperty(p + "peek", "true");
        return props;
    }

    /** Server, timeouts, TLS and the XOAUTH2 mechanism; returns the property prefix, e.g. {@code mail.imaps.}. */
    private String common(Properties props, String protocolKey, String plainProtocol, MailboxSettings.Account account,
            MailEndpoint endpoint, Duration readTimeout) {
        String protocol = endpoint.security() == MailEndpoint.Security.SSL ? plainProtocol + "s" : plainProtocol;
        String p = "mail." + protocol + ".";
        props.setProperty(protocolKey, protocol);
        props.setProperty(p + "host", endpoint.host());
        props.setProperty(p + "port", Integer.toString(endpoint.port()));
        setTimeouts(props, p, readTimeout);
        setSecurity(props, p, endpoint.security());
        if (account.auth().type() == MailAccount.Authentication.OAUTH2) {
            props.setProperty(p + "auth.mechanisms", "XOAUTH2");
        }
        return p;
    }

    private void setTimeouts(Properties props, String p, Duration readTimeout) {
        props.setProperty(p + "connectiontimeout", millis(timeouts.connection()));
        props.setProperty(p + "timeout", millis(readTimeout));
        props.setProperty(p + "writetimeout", millis(timeouts.write()));
    }

    private static void setSecurity(Properties props, String p, MailEndpoint.Security security) {
        if (security == MailEndpoint.Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (security != MailEndpoint.Security.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
    }

    private static String millis(Duration d) {
        return Long.toString(Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
