package com.claudioportal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The policy resolves a host once, checks every address and hands exactly those to the caller:
 * a DNS that answers a public address and then a private one (rebinding) never gets the portal to
 * the private one, because nothing asks it a second time for the same call.
 */
class PinnedResolutionTest {

    @Test
    void aRebindingDnsNeverGetsTheCallToThePrivateAddress() throws Exception {
        ScriptedDns dns = new ScriptedDns().answer("93.184.216.34").answer("169.254.169.254");
        BaseUrlPolicy policy = policy(dns);

        PinnedResolution first = policy.pin("https://claudio.example/team-1");
        assertTrue(first.ok(), first.problem());
        assertEquals(List.of(new InetSocketAddress(ip("93.184.216.34"), 443)), first.socketAddresses());
        assertEquals("claudio.example", first.host(), "the name stays for the Host header and SNI");
        assertEquals(List.of("claudio.example"), dns.asked(), "one lookup per call, and the client gets its answer");

        // the next call asks again, gets the metadata address, and is refused before connecting
        PinnedResolution second = policy.pin("https://claudio.example/team-1");
        assertFalse(second.ok());
        assertTrue(second.problem().contains("own network"), second.problem());
        assertThrows(IllegalStateException.class, second::socketAddress);
        ConnectException refused = assertThrows(ConnectException.class,
                () -> policy(new ScriptedDns().answer("10.0.0.8")).addressFor(URI.create("https://claudio.example/x")));
        assertTrue(refused.getMessage().contains("own network"));
    }

    @Test
    void everyAddressIsCheckedNotOnlyTheFirst() {
        PinnedResolution mixed = policy(new ScriptedDns().answer("93.184.216.34", "127.0.0.1")).pin("https://claudio.example");
        assertFalse(mixed.ok(), "a name that also resolves to loopback is refused");
        PinnedResolution mapped = policy(new ScriptedDns().answer("::ffff:169.254.169.254")).pin("https://claudio.example");
        assertFalse(mapped.ok(), "an IPv4-mapped IPv6 address is the IPv4 address");
        PinnedResolution two = policy(new ScriptedDns().answer("93.184.216.34", "93.184.216.35")).pin("https://claudio.example:8443/x");
        assertTrue(two.ok());
        assertEquals(2, two.socketAddresses().size());
        assertEquals(8443, two.socketAddress().getPort());
    }

    @Test
    void anAllowedHostIsPinnedToo() {
        ScriptedDns dns = new ScriptedDns().answer("10.1.2.3");
        PinnedResolution sandbox = policy(dns, "sandbox:8090").pin("http://sandbox:8090/claudio/maple");
        assertTrue(sandbox.ok(), sandbox.problem());
        assertEquals(new InetSocketAddress(ip("10.1.2.3"), 8090), sandbox.socketAddress());
        assertFalse(policy(new ScriptedDns().answer("10.1.2.3"), "sandbox:8090").pin("http://sandbox:9000/q/health").ok(),
                "the allowed host's other ports stay closed");
    }

    @Test
    void aNameThatDoesNotResolveIsExplained() {
        PinnedResolution none = policy(new ScriptedDns()).pin("https://no-such-host.example");
        assertTrue(none.problem().contains("could not be found"), none.problem());
        assertTrue(policy(new ScriptedDns().answer()).pin("https://empty.example").problem().contains("could not be found"));
    }

    static BaseUrlPolicy policy(ScriptedDns dns, String... allowed) {
        return dns.policy(allowed);
    }

    static InetAddress ip(String literal) {
        return ScriptedDns.ip(literal);
    }
}
