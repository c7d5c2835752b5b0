package com.emporium.test.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    /** How long a test waits for an answer it must not get. */
    private static final int SILENCE_MILLIS = 300;

    private final EchoServer echo = EchoServer.start();
    private TcpProxy proxy = TcpProxy.to("127.0.0.1", echo.port());

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket client = connect()) {
            say(client, "ping");

            assertThat(hear(client, 4)).isEqualTo("ping");
        }
    }

    @Test
    void dropsOpenConnectionsAndRefusesNewOnesWhenCut() throws IOException {
        try (Socket before = connect()) {
            say(before, "ping");
            hear(before, 4);

            proxy.cut();

            assertClosedByProxy(before);
            try (Socket after = connect()) {
                assertClosedByProxy(after);
            }
        }
    }

    @Test
    void forwardsNewConnectionsAgainWhenRestoredAfterACut() throws IOException {
        proxy.cut();

        proxy.restore();

        try (Socket client = connect()) {
            say(client, "ping");
            assertThat(hear(client, 4)).isEqualTo("ping");
        }
    }

    /** Accepted before the cut, connected upstream after it: the window in which a connection used to survive. */
    @Test
    void dropsAConnectionThatWasStillDiallingUpstreamWhenCut() throws Exception {
        proxy.close();
        CountDownLatch dialling = new CountDownLatch(1);
        CountDownLatch cutDone = new CountDownLatch(1);
        proxy = new TcpProxy(() -> {
            dialling.countDown();
            awaitInterruptibly(cutDone);
            return new Socket("127.0.0.1", echo.port());
        });
        try (Socket client = connect()) {
            await(dialling);

            proxy.cut();
            cutDone.countDown();

            assertClosedByProxy(client);
        }
    }

    @Test
    void acceptsButNeverAnswersNewConnectionsInABlackhole() throws IOException {
        proxy.blackhole();

        try (Socket client = connect()) {
            say(client, "ping");

            assertSilent(client);
            assertThat(echo.accepted()).isZero();
        }
    }

    @Test
    void silencesOpenConnectionsInABlackholeWithoutClosingThem() throws IOException {
        try (Socket client = connect()) {
            say(client, "ping");
            hear(client, 4);

            proxy.blackhole();

            say(client, "pong");
            assertSilent(client);
            assertThat(echo.received()).isEqualTo(4);
        }
    }

    @Test
    void endsABlackholeOnRestoreByClosingWhatItSwallowed() throws IOException {
        try (Socket before = connect()) {
            hearEcho(before);
            proxy.blackhole();
            try (Socket during = connect()) {
                say(during, "ping");
                assertSilent(during);

                proxy.restore();

                assertClosedByProxy(before);
                assertClosedByProxy(during);
                try (Socket after = connect()) {
                    hearEcho(after);
                }
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void say(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static String hear(Socket socket, int length) throws IOException {
        return new String(socket.getInputStream().readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void hearEcho(Socket socket) throws IOException {
        say(socket, "ping");
        assertThat(hear(socket, 4)).isEqualTo("ping");
    }

    /**
     * The proxy closed the connection: the next read ends the stream or finds it reset at once, rather than
     * waiting for data until the read timeout fails the test.
     */
    private static void assertClosedByProxy(Socket socket) throws IOException {
        int next;
        try {
            next = socket.getInputStream().read();
        } catch (SocketException reset) {
            next = -1;
        }
        assertThat(next).as("end of stream").isEqualTo(-1);
    }

    /** Nothing comes back, and the connection stays open. */
    private static void assertSilent(Socket socket) throws IOException {
        socket.setSoTimeout(SILENCE_MILLIS);
        assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> socket.getInputStream().read());
        socket.setSoTimeout(5_000);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitInterruptibly(CountDownLatch latch) throws IOException {
        try {
            await(latch);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while dialling");
        }
    }
}
