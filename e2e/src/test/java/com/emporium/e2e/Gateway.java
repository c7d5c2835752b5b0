package com.emporium.e2e;

import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.http.ApiClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients of the platform's gateway, each from a client address of its own.
 *
 * <p>Every loopback address (127.0.0.0/8) reaches the gateway on 127.0.0.1, and the gateway, as the edge,
 * takes the connection's address as the client's (it believes no {@code X-Forwarded-For} from a client). So a
 * client bound to 127.0.3.17 is, to the gateway's per-address limits and to user-service's login and
 * registration throttles, a caller of its own: tests do not spend each other's allowances, and the
 * platform runs with the configuration it has outside tests. 127.0.0.1 itself, the address the gateway
 * calls the services from, is never handed out.
 */
public final class Gateway {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private Gateway() {
    }

    /** A client whose responses are only checked by the test itself (the gateway's own answers, say). */
    public static ApiClient client() {
        return ApiClient.unchecked(Platform.current().gateway()).from(nextAddress());
    }

    /**
     * A client whose every response must also keep this service's contract: what a client sees through the
     * gateway is what the service documents.
     */
    public static ApiClient client(String service) {
        return new ApiClient(Platform.current().gateway(), ContractRecorder.shared(service)).from(nextAddress());
    }

    /** A client address no other client of this run has: 127.0.1.1, 127.0.1.2, … */
    public static InetAddress nextAddress() {
        int n = ADDRESSES.getAndIncrement();
        byte[] address = {127, 0, (byte) (1 + n / 254), (byte) (1 + n % 254)};
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
