package uk.gov.redbridge.onepanel.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.redbridge.onepanel.OnePanelApplication;

/**
 * The whole service in the test's JVM on an H2 file that outlives it, with the three panel mailboxes on a GreenMail
 * server of the test's own: closing the context and starting another on the same {@code dataDir} is a restart.
 * Polling is by hand ({@code MailAccounts.pollNow()}), so a test decides when mail is read.
 */
public final class RestartableService {

    public static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    public static final String RSAB = "RSAB@redbridge.gov.uk";
    public static final String RSCP = "RedbridgeSCP@redbridge.gov.uk";

    private RestartableService() {
    }

    /** A GreenMail server (SMTP and IMAP on free ports) with the three panel mailboxes and {@code others} as users. */
    public static GreenMail mailServer(String... others) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp"),
                new ServerSetup(0, "127.0.0.1", "imap")});
        greenMail.start();
        for (String address : Stream.concat(Stream.of(ONEPANEL, RSAB, RSCP), Stream.of(others)).toList()) {
            greenMail.setUser(address, address, address);
        }
        return greenMail;
    }

    /** A client of {@code greenMail}, to send and read mail as referrers do. */
    public static MailServerClient client(GreenMail greenMail) {
        return new MailServerClient("127.0.0.1", greenMail.getSmtp().getPort(), greenMail.getImap().getPort());
    }

    /** Starts the service; {@code extra} settings (name without {@code --}) are added to the test defaults. */
    public static ConfigurableApplicationContext start(Path dataDir, GreenMail greenMail, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("onepanel") + ";DB_CLOSE_ON_EXIT=FALSE");
        p.put("server.port", "0");
        p.put("onepanel.security.demo-password", "test-secret");
        p.put("onepanel.mailbox.scheduled-polling", "false");
        p.put("onepanel.mailbox.embedded.enabled", "false");
        String[][] accounts = {{"onepanel", ONEPANEL}, {"rsab", RSAB}, {"rscp", RSCP}};
        for (int i = 0; i < accounts.length; i++) {
            String a = "onepanel.mailbox.accounts[" + i + "].";
            p.put(a + "name", accounts[i][0]);
            p.put(a + "address", accounts[i][1]);
            p.put(a + "imap.host", "127.0.0.1");
            p.put(a + "imap.port", greenMail.getImap().getPort());
            p.put(a + "imap.security", "NONE");
            p.put(a + "smtp.host", "127.0.0.1");
            p.put(a + "smtp.port", greenMail.getSmtp().getPort());
            p.put(a + "smtp.security", "NONE");
            p.put(a + "auth.type", "PASSWORD");
            p.put(a + "auth.password", accounts[i][1]);
        }
        p.putAll(extra);
        // as command-line arguments: they win over application.yml (builder "properties" would not)
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(OnePanelApplication.class).run(args);
    }
}
