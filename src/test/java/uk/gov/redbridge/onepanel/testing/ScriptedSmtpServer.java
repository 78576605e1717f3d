package uk.gov.redbridge.onepanel.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SMTP server for the failures GreenMail cannot produce: it answers DATA with whatever reply the test sets
 * (250, 451, 550 5.1.1, 550 5.7.30), or hangs up after the message, and records every message it accepted with its
 * Message-ID, like the capturing sink of RELIABILITY.md section 3.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** What the server does when a message has been transmitted. */
    public enum Mode { ACCEPT, TEMPORARY_FAILURE, PERMANENT_FAILURE, HANG_UP_AFTER_DATA }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket socket;
    // daemon threads: a server left open by a test class does not keep the test JVM alive
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-smtp");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ACCEPT);
    private final List<String> acceptedMessageIds = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode.set(mode);
    }

    /** Message-IDs of every message answered with 250 (the same id twice means a duplicate delivery). */
    public List<String> acceptedMessageIds() {
        return List.copyOf(acceptedMessageIds);
    }

    /** Message-IDs of every message transmitted, whatever the answer. */
    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.submit(() -> converse(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted.example\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("MAIL") || command.startsWith("RCPT")
                        || command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder message = new StringBuilder();
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        message.append(data).append("\r\n");
                    }
                    Matcher m = MESSAGE_ID.matcher(message);
                    String id = m.find() ? m.group(1) : "(none)";
                    attempts.add(id);
                    Mode now = mode.get();
                    if (now == Mode.HANG_UP_AFTER_DATA) {
                        return;
                    }
                    if (now == Mode.TEMPORARY_FAILURE) {
                        reply(out, "451 4.3.0 try again later");
                    } else if (now == Mode.PERMANENT_FAILURE) {
                        reply(out, "550 5.1.1 recipient unknown");
                    } else {
                        acceptedMessageIds.add(id);
                        reply(out, "250 2.0.0 queued");
                    }
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (SocketException e) {
            // client went away
        } catch (IOException e) {
            // a test server: the client sees the broken connection
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
