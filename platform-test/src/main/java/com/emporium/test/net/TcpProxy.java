package com.emporium.test.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A TCP proxy on a random loopback port in front of a real server (PostgreSQL, RabbitMQ, Redis), owned by
 * one test suite. {@link #cut()} drops every connection and refuses new ones, as a dead network would;
 * {@link #blackhole()} keeps every connection open and accepts new ones but forwards nothing and answers
 * nothing, as a hung server would; {@link #restore()} lets connections through again. The machine's servers
 * are never stopped.
 */
public final class TcpProxy implements AutoCloseable {

    /** Opens the connection to the real server; a test can slow it down to widen a race. */
    @FunctionalInterface
    interface Dialer {
        Socket dial() throws IOException;
    }

    private enum Mode { FORWARD, CUT, BLACKHOLE }

    private final Dialer upstream;
    private final ServerSocket server;
    /** Guards {@link #mode} changes and {@link #open}, so no connection slips past a change of mode. */
    private final Object lock = new Object();
    private final Set<Socket> open = new HashSet<>();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    TcpProxy(Dialer upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("tcp-proxy-" + port()).start(this::acceptLoop);
    }

    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(() -> new Socket(host, port));
        } catch (IOException ex) {
            throw new IllegalStateException("cannot open a proxy port", ex);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every connection now and refuses new ones until {@link #restore()}. */
    public void cut() {
        synchronized (lock) {
            mode = Mode.CUT;
            closeAllOpen();
        }
    }

    /**
     * From now on, until {@link #restore()}, nothing passes in either direction: what arrives is read and
     * dropped, new connections are accepted and never answered, and nothing is closed. A client waits until
     * its own timeout, as it would on a server that hangs.
     */
    public void blackhole() {
        synchronized (lock) {
            mode = Mode.BLACKHOLE;
        }
    }

    /**
     * Forwards again. After {@link #blackhole()}, every connection that lived through it is closed first:
     * bytes were dropped, so what is left of its conversation would be garbage to both ends.
     */
    public void restore() {
        synchronized (lock) {
            if (mode == Mode.BLACKHOLE) {
                closeAllOpen();
            }
            mode = Mode.FORWARD;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException ex) {
                return;
            }
            switch (modeRegistering(client)) {
                case FORWARD -> connect(client);
                case BLACKHOLE -> swallow(client);
                case CUT -> closeQuietly(client);
            }
        }
    }

    /** The mode a new connection meets; a connection a blackhole takes is registered at once, under the lock. */
    private Mode modeRegistering(Socket client) {
        synchronized (lock) {
            if (mode == Mode.BLACKHOLE) {
                open.add(client);
            }
            return mode;
        }
    }

    private void connect(Socket client) {
        Socket server;
        try {
            server = upstream.dial();
        } catch (IOException ex) {
            closeQuietly(client);
            return;
        }
        // the mode may have changed while dialling: check it again, in the same lock as cut() and blackhole()
        Mode now;
        synchronized (lock) {
            now = mode;
            if (now != Mode.CUT) {
                open.add(client);
            }
            if (now == Mode.FORWARD) {
                open.add(server);
            }
        }
        switch (now) {
            case FORWARD -> {
                pipe(client, server);
                pipe(server, client);
            }
            case BLACKHOLE -> {
                closeQuietly(server);
                swallow(client);
            }
            case CUT -> {
                closeQuietly(server);
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (mode != Mode.BLACKHOLE) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException ex) {
                // one side went away: close both below
            } finally {
                forget(from);
                forget(to);
            }
        });
    }

    /** Reads and drops what the client sends until it or {@link #restore()} closes the connection. */
    private void swallow(Socket client) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = client.getInputStream()) {
                while (in.read(buffer) >= 0) {
                    // dropped
                }
            } catch (IOException ex) {
                // closed by restore() or close()
            } finally {
                forget(client);
            }
        });
    }

    private void forget(Socket socket) {
        closeQuietly(socket);
        synchronized (lock) {
            open.remove(socket);
        }
    }

    private void closeAllOpen() {
        List<Socket> sockets = List.copyOf(open);
        open.clear();
        sockets.forEach(TcpProxy::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ex) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            server.close();
        } catch (IOException ex) {
            // already closed
        }
    }
}
