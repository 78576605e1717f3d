package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A line-based fake IMAP or SMTP server on a free loopback port, for looking at exactly what the client puts on the
 * wire: it records every line received and answers each with what the script returns (null: no answer, e.g. while
 * SMTP DATA is read).
 */
final class ScriptedMailServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** @param script (line, state) -> reply lines without CRLF; the state is per connection */
    ScriptedMailServer(String greeting, BiFunction<String, StringBuilder, List<String>> script) throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(greeting, script), "scripted-mail-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> received() {
        return received;
    }

    private void serve(String greeting, BiFunction<String, StringBuilder, List<String>> script) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream();
                write(out, List.of(greeting));
                StringBuilder state = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    received.add(line);
                    List<String> reply = script.apply(line, state);
                    if (reply != null) {
                        write(out, reply);
                    }
                    if (state.indexOf("CLOSE") >= 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the client went away, or the server was closed
            }
        }
    }

    private static void write(OutputStream out, List<String> lines) throws IOException {
        for (String l : lines) {
            out.write((l + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
