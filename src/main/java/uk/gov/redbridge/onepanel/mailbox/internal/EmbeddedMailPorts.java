package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Port 0 for the embedded mail server means "a free port": one is chosen before the configuration is bound and
 * written back as the property's value, so that the mailbox accounts that point at the embedded server (through
 * {@code ${onepanel.mailbox.embedded.imap-port}}) and tests see the real port. Lets test contexts run side by side.
 */
public class EmbeddedMailPorts implements EnvironmentPostProcessor, Ordered {

    static final String SMTP_PORT = "onepanel.mailbox.embedded.smtp-port";
    static final String IMAP_PORT = "onepanel.mailbox.embedded.imap-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("onepanel.mailbox.embedded.enabled", Boolean.class, true)) {
            return;
        }
        String host = environment.getProperty("onepanel.mailbox.embedded.host", "127.0.0.1");
        Map<String, Object> chosen = new HashMap<>();
        for (String key : new String[] {SMTP_PORT, IMAP_PORT}) {
            if (Integer.valueOf(0).equals(environment.getProperty(key, Integer.class))) {
                chosen.put(key, freePort(host));
            }
        }
        if (!chosen.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("onepanelEmbeddedMailPorts", chosen));
        }
    }

    /** After the configuration files are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * A port nobody listens on, chosen at random below Linux's ephemeral range (32768-60999, where the kernel takes
     * the local ports of outgoing connections): between choosing a port and the server binding it, another process's
     * connection cannot take it, as happened with a port the kernel had handed out (two test JVMs side by side).
     */
    public static int freePort(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded mail server", e);
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, address)) {
                return port;
            } catch (IOException e) {
                // in use: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded mail server", e);
        }
    }
}
