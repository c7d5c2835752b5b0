package com.emporium.gateway.edge;

import com.emporium.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the connection
 * comes from a trusted proxy (the {@code GATEWAY_TRUSTED_PROXIES} regular expression), and then only from the right:
 * the entries each trusted hop appended are skipped, and the first one a trusted hop did not vouch for is the
 * client. Anything a client writes further left is ignored, so a spoofed header changes nothing. This is the
 * same rule as Tomcat's {@code RemoteIpValve} in the services, so the address the gateway rate-limits by is
 * the address user-service's login throttle sees.
 */
@Component
public class ClientAddresses {

    private static final String ATTRIBUTE = ClientAddresses.class.getName() + ".address";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final @Nullable Pattern trustedProxies;

    public ClientAddresses(GatewayProperties properties) {
        String regex = properties.trustedProxies().strip();
        this.trustedProxies = regex.isEmpty() ? null : Pattern.compile(regex);
    }

    /** The client's address as text, computed once per exchange. */
    public String of(ServerWebExchange exchange) {
        String cached = exchange.getAttribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String address = resolve(peer(exchange), exchange.getRequest().getHeaders().get("X-Forwarded-For"));
        exchange.getAttributes().put(ATTRIBUTE, address);
        return address;
    }

    String resolve(String peer, @Nullable List<String> forwardedFor) {
        if (!trusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        String client = peer;
        List<String> hops = forwardedFor.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                // garbage where an address belongs: the last hop a trusted proxy vouched for is all we know
                break;
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return client;
    }

    /** Whether the connection comes from a trusted proxy, whose other forwarding headers are believed too. */
    public boolean fromTrustedProxy(ServerWebExchange exchange) {
        return trusted(peer(exchange));
    }

    private boolean trusted(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    private static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
