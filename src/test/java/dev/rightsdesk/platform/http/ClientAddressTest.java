package dev.rightsdesk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client address for rate limits: X-Forwarded-For only from a trusted proxy, never a DNS look-up. */
class ClientAddressTest {

    @Test
    void forwardedForIsOnlyBelievedFromATrustedProxy() {
        ClientAddress resolver = new ClientAddress(Optional.of(List.of("10.0.0.0/8")));
        assertThat(resolver.resolve("10.1.2.3", "203.0.113.5, 10.0.0.9")).isEqualTo("203.0.113.5");
        // forged left-most entries are skipped: the right-most untrusted hop counts
        assertThat(resolver.resolve("10.1.2.3", "1.1.1.1, 203.0.113.5")).isEqualTo("203.0.113.5");
        // a peer that is not a trusted proxy: the header is ignored
        assertThat(resolver.resolve("198.51.100.1", "203.0.113.5")).isEqualTo("198.51.100.1");
        // garbage or host names never trigger a DNS look-up and are not believed
        assertThat(resolver.resolve("10.1.2.3", "evil.example, 10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(new ClientAddress(Optional.empty()).resolve("10.1.2.3", "203.0.113.5")).isEqualTo("10.1.2.3");
    }

    @Test
    void blocksOfBothFamiliesMatch() {
        ClientAddress resolver = new ClientAddress(Optional.of(List.of("192.168.0.0/16", "::1", "fd00::/8")));
        assertThat(resolver.resolve("192.168.4.4", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(resolver.resolve("0:0:0:0:0:0:0:1", "203.0.113.6")).isEqualTo("203.0.113.6");
        assertThat(resolver.resolve("fd12::1", "2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(resolver.resolve("192.169.0.1", "203.0.113.5")).isEqualTo("192.169.0.1");
        assertThat(ClientAddress.literal("999.1.1.1")).isNull();
        assertThat(ClientAddress.literal("localhost")).isNull();
    }
}
