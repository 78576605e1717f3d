package uk.gov.redbridge.onepanel.mailbox.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;

/**
 * The embedded mail server (GreenMail) of the one-command default: SMTP and IMAP on the loopback address, hosting
 * the panel mailboxes and the demo agency and referrer mailboxes, accepting mail for any address. Starts before the
 * mailbox pollers and the IDLE watchers (an early lifecycle phase) and stops after them.
 */
public class GreenMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GreenMailServer.class);

    private final MailboxSettings.Embedded settings;
    private final String firstPanelAddress;
    private final String processedFolder;
    private GreenMail greenMail;

    GreenMailServer(MailboxSettings settings) {
        this.settings = settings.embedded();
        this.firstPanelAddress = settings.accounts().isEmpty() ? "RedbridgeOnePanel@redbridge.gov.uk"
                : settings.accounts().get(0).address();
        this.processedFolder = settings.accounts().isEmpty() ? "OnePanel Processed"
                : settings.accounts().get(0).processedFolder();
    }

    @Override
    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        ServerSetup smtp = new ServerSetup(settings.smtpPort(), settings.host(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(settings.imapPort(), settings.host(), ServerSetup.PROTOCOL_IMAP);
        GreenMail server = new GreenMail(new ServerSetup[] {smtp, imap});
        server.start();
        server.getUserManager().setMessageDeliveryHandler(new PlusAddressDelivery(server.getUserManager()));
        for (String address : settings.mailboxes()) {
            server.setUser(address, address, address);
        }
        greenMail = server;
        log.info("""
                Embedded mail server (GreenMail) on {}: SMTP port {}, IMAP port {}. It accepts mail for any address \
                and keeps it in a mailbox whose login and password are that address.
                  Send a test referral:  curl smtp://{}:{} --mail-from referrer@nhs-trust.example \
                --mail-rcpt {} --upload-file ../shared/corpus/emails/P11-email-docx-attachment.eml
                  List a mailbox:        curl imap://{}:{}/INBOX -u {}:{} -X 'UID SEARCH ALL'
                  Processed messages:    curl 'imap://{}:{}/{}' -u {}:{} -X 'UID SEARCH ALL'
                  Read message UID 1:    curl 'imap://{}:{}/{};UID=1' -u {}:{}""",
                settings.host(), smtpPort(), imapPort(),
                settings.host(), smtpPort(), firstPanelAddress,
                settings.host(), imapPort(), firstPanelAddress, firstPanelAddress,
                settings.host(), imapPort(), urlPath(processedFolder), firstPanelAddress, firstPanelAddress,
                settings.host(), imapPort(), urlPath(processedFolder), firstPanelAddress, firstPanelAddress);
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    /** Early: up before the pollers and IDLE watchers (default phase), down after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    public EmbeddedMailServer info() {
        return new EmbeddedMailServer(settings.host(), smtpPort(), imapPort());
    }

    /** The running server (tests deliver, append and inspect through it). */
    synchronized GreenMail greenMail() {
        return greenMail;
    }

    private static String urlPath(String folder) {
        return java.net.URLEncoder.encode(folder, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private int smtpPort() {
        return greenMail == null ? settings.smtpPort() : greenMail.getSmtp().getPort();
    }

    private int imapPort() {
        return greenMail == null ? settings.imapPort() : greenMail.getImap().getPort();
    }
}
