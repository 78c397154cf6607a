package dev.rightsdesk.platform.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for rate limiting. {@code X-Forwarded-For} is believed only when the
 * direct peer is one of {@code rightsdesk.http.trusted-proxies}; then the right-most entry that is not
 * itself a trusted proxy is the client (entries further left can be forged by the client).
 */
@ApplicationScoped
public class ClientAddress {

    /** An address block: the address bits and how many leading bits must match. */
    record Block(byte[] network, int prefix) {

        static Block parse(String spec) {
            String s = spec.trim();
            int slash = s.indexOf('/');
            byte[] address = literal(slash < 0 ? s : s.substring(0, slash));
            if (address == null) {
                throw new IllegalStateException("rightsdesk.http.trusted-proxies: not an IP address or CIDR block: " + s);
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalStateException("rightsdesk.http.trusted-proxies: bad prefix length in " + s);
            }
            return new Block(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address == null || address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }

    private final List<Block> trusted = new ArrayList<>();

    public ClientAddress(@ConfigProperty(name = "rightsdesk.http.trusted-proxies") Optional<List<String>> trustedProxies) {
        trustedProxies.ifPresent(list -> list.stream().filter(s -> !s.isBlank()).map(Block::parse).forEach(trusted::add));
    }

    /** The client's address, as text; never logged or stored in plain form. */
    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return resolve(peer, request.getHeader("X-Forwarded-For"));
    }

    String resolve(String peer, String forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String candidate = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) {
                // garbage in the header: stop at the last address we could vouch for
                return candidate;
            }
            candidate = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return candidate;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(b -> b.contains(bytes));
    }

    /** The bytes of an IP literal, or null; never does a DNS look-up. */
    static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int scope = s.indexOf('%');
        if (scope >= 0) {
            s = s.substring(0, scope);
        }
        if (s.matches("^\\d{1,3}(\\.\\d{1,3}){3}$")) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!s.contains(":") || !s.matches("^[0-9A-Fa-f:.]+$")) {
            // only literals get through: a name would make InetAddress ask the DNS
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
