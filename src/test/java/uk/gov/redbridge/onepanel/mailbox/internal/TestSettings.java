package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Mailbox settings for tests without Spring, bound from properties exactly as the application binds them. */
final class TestSettings {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private int accounts;

    static TestSettings settings() {
        return new TestSettings();
    }

    TestSettings set(String key, String value) {
        properties.put("onepanel.mailbox." + key, value);
        return this;
    }

    /** An account on a plain (no TLS) IMAP and SMTP server on the loopback address. */
    TestSettings passwordAccount(String name, String address, int imapPort, int smtpPort) {
        return account(name, address, imapPort, smtpPort).accountSet("auth.type", "PASSWORD")
                .accountSet("auth.password", address);
    }

    TestSettings oauthAccount(String name, String address, int imapPort, int smtpPort) {
        return account(name, address, imapPort, smtpPort).accountSet("auth.type", "OAUTH2")
                .accountSet("auth.tenant-id", "contoso-tenant").accountSet("auth.client-id", "app-id")
                .accountSet("auth.client-secret", "not-a-real-secret");
    }

    private TestSettings account(String name, String address, int imapPort, int smtpPort) {
        accounts++;
        return accountSet("name", name).accountSet("address", address)
                .accountSet("imap.host", "127.0.0.1").accountSet("imap.port", Integer.toString(imapPort))
                .accountSet("imap.security", "NONE")
                .accountSet("smtp.host", "127.0.0.1").accountSet("smtp.port", Integer.toString(smtpPort))
                .accountSet("smtp.security", "NONE");
    }

    /** Sets a key of the account added last. */
    TestSettings accountSet(String key, String value) {
        return set("accounts[" + (accounts - 1) + "]." + key, value);
    }

    /** A running embedded mail server on free ports, without Spring, holding one mailbox. */
    static GreenMailServer startedMailServer(String mailbox) {
        try {
            GreenMailServer server = new GreenMailServer(settings()
                    .set("embedded.smtp-port", Integer.toString(freePort()))
                    .set("embedded.imap-port", Integer.toString(freePort()))
                    .set("embedded.mailboxes[0]", mailbox).bind());
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int freePort() throws java.io.IOException {
        return EmbeddedMailPorts.freePort("127.0.0.1");
    }

    MailboxSettings bind() {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("onepanel.mailbox", MailboxSettings.class);
    }
}
