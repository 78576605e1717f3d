package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Session;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.MailAccount;
import uk.gov.redbridge.onepanel.mailbox.MailEndpoint;

/**
 * Jakarta Mail sessions for one account's IMAP and SMTP servers. Every connection has connection, read and write
 * timeouts (Jakarta Mail's defaults are infinite); TLS is checked against the server's name; messages are read with
 * {@code BODY.PEEK} so that reading never sets {@code \Seen}; XOAUTH2 is the only mechanism offered for OAuth2.
 * <p>
 * A session is made once for each set of properties and kept: {@code Session.getInstance} reads Jakarta Mail's
 * provider and address-map files from the class path every time, which inside the executable jar cost more than
 * the acknowledgement's whole SMTP conversation (3-5 % of the service's CPU in a backlog, issue 14). A session holds
 * no connection and no credentials (those are given at connect), and is safe to share between threads.
 */
@Component
class MailSessions {

    private final MailboxSettings.Timeouts timeouts;
    private final Map<Properties, Session> sessions = new ConcurrentHashMap<>();

    MailSessions(MailboxSettings settings) {
        this.timeouts = settings.timeouts();
    }

    /** For polling: the configured read timeout. */
    Session imap(MailboxSettings.Account account) {
        return session(imapProperties(account, timeouts.read()));
    }

    /**
     * For IDLE: a read may wait for a whole IDLE period, so the read timeout is that period plus the ordinary read
     * timeout. A server that stops answering is noticed within that time.
     */
    Session idle(MailboxSettings.Account account, Duration reIdleInterval) {
        return session(imapProperties(account, reIdleInterval.plus(timeouts.read())));
    }

    Session smtp(MailboxSettings.Account account) {
        Properties props = new Properties();
        String p = common(props, "mail.transport.protocol", "smtp", account, account.smtp(), timeouts.read());
        props.setProperty(p + "auth", "true");
        // the envelope sender: bounces come back to the panel mailbox
        props.setProperty(p + "from", account.address());
        return session(props);
    }

    /** The same properties (the same server, timeouts, security and sender) give the same session. */
    private Session session(Properties props) {
        return sessions.computeIfAbsent(props, Session::getInstance);
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
