package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a real IMAP server that can misbehave as real servers and networks do: refuse to FETCH
 * one message (as Exchange does for an item it cannot convert to MIME), hold the fetch of one message unanswered (a
 * server stuck on it), or stop passing bytes altogether while
 * keeping the connections open (a dead server or a cut network that sends no reset).
 */
final class FaultyImapProxy implements AutoCloseable {

    private static final Pattern UID_FETCH = Pattern.compile("^(\\S+) UID FETCH (\\d+) \\(UID BODY\\.PEEK\\[\\]",
            Pattern.CASE_INSENSITIVE);

    private final ServerSocket listener;
    private volatile int targetPort;
    private final Set<Long> unfetchable = ConcurrentHashMap.newKeySet();
    private final Set<Long> stalled = ConcurrentHashMap.newKeySet();
    private volatile boolean stallMoves;
    private static final Pattern MOVE = Pattern.compile("^\\S+ (UID )?MOVE ", Pattern.CASE_INSENSITIVE);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean blackHole;

    private FaultyImapProxy() throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "faulty-imap-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** Listening on a free port; connections are refused until {@link #target(int)} names the server behind. */
    static FaultyImapProxy start() {
        try {
            return new FaultyImapProxy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void target(int imapPort) {
        this.targetPort = imapPort;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The server answers NO to fetching this UID's content. */
    void refuseToFetch(long uid) {
        unfetchable.add(uid);
    }

    void fetchEverything() {
        unfetchable.clear();
        stallMoves = false;
        stalled.clear();
        synchronized (stalled) {
            stalled.notifyAll();
        }
    }

    /**
     * The server takes every MOVE and never answers it (as a server stuck copying one message); the command is
     * dropped, never done, and the connection closed, when this is turned off.
     */
    void stallMoves(boolean on) {
        stallMoves = on;
    }

    /** The server takes the command to fetch this UID's content and does not answer it (until released). */
    void stallOnFetch(long uid) {
        stalled.add(uid);
    }

    /** Stops passing bytes either way (connections stay open, as with a dead server behind a firewall). */
    void blackHole(boolean on) {
        blackHole = on;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                daemon(() -> clientToServer(client, server));
                daemon(() -> serverToClient(server, client));
            } catch (IOException | IllegalArgumentException e) {
                // the server behind is not there (yet): the client sees the connection close
                closeQuietly(client);
            }
        }
    }

    private void clientToServer(Socket client, Socket server) {
        try (InputStream in = client.getInputStream(); OutputStream toServer = server.getOutputStream()) {
            OutputStream toClient = client.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                byte[] bytes = line.toByteArray();
                line.reset();
                waitWhileBlackHoled();
                Matcher fetch = UID_FETCH.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                if (fetch.find() && unfetchable.contains(Long.parseLong(fetch.group(2)))) {
                    synchronized (toClient) {
                        toClient.write((fetch.group(1) + " NO [UNAVAILABLE] The message could not be converted\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        toClient.flush();
                    }
                    continue;
                }
                if (stallMoves && MOVE.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find()) {
                    while (stallMoves) {
                        Thread.sleep(20);
                    }
                    return; // dropped: the finally closes both sides
                }
                if (fetch.find(0) && stalled.contains(Long.parseLong(fetch.group(2)))) {
                    waitWhileStalled(Long.parseLong(fetch.group(2)));
                }
                toServer.write(bytes);
                toServer.flush();
            }
        } catch (IOException e) {
            // a side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private void serverToClient(Socket server, Socket client) {
        try (InputStream in = server.getInputStream()) {
            OutputStream toClient = client.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                waitWhileBlackHoled();
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException e) {
            // a side closed
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private void waitWhileStalled(long uid) {
        synchronized (stalled) {
            while (stalled.contains(uid)) {
                try {
                    stalled.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void waitWhileBlackHoled() {
        while (blackHole) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "faulty-imap-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(FaultyImapProxy::closeQuietly);
    }
}
