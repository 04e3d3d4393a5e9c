package com.claudioportal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BaseUrlPolicyTest {

    @Test
    void productionRequiresHttps() {
        assertTrue(policy(true).problemWith("http://93.184.216.34/team").get().contains("https"));
        assertEquals(Optional.empty(), policy(true).problemWith("https://93.184.216.34/team-1"));
    }

    @Test
    void addressesIntoThePortalsOwnNetworkAreRefused() {
        BaseUrlPolicy p = policy(true);
        for (String url : List.of("https://127.0.0.1", "https://localhost:8443", "https://10.1.2.3", "https://172.16.0.9",
                "https://192.168.1.1", "https://169.254.169.254/latest/meta-data", "https://[::1]/", "https://[fd00:ec2::254]/",
                "https://0.0.0.0", "https://100.64.1.1", "https://metadata.google.internal/")) {
            assertTrue(p.problemWith(url).orElse("").contains("own network"), url);
        }
    }

    @Test
    void anOperatorCanAllowAnInternalHost() {
        assertEquals(Optional.empty(), policy(false, "localhost").problemWith("http://localhost:8080/sandbox/claudio/maple"));
        assertTrue(policy(false, "localhost").problemWith("http://127.0.0.2").isPresent());
    }

    @Test
    void malformedAddressesAreExplained() {
        BaseUrlPolicy p = policy(true);
        assertTrue(p.problemWith("not a url").isPresent());
        assertTrue(p.problemWith("ftp://93.184.216.34").get().contains("https://"));
        assertTrue(p.problemWith("https://user:pw@93.184.216.34").get().contains("passwords"));
        assertTrue(p.problemWith("https://93.184.216.34/x?key=1").get().contains("?"));
        assertTrue(p.problemWith("https://no-such-host.invalid").get().contains("could not be found"));
    }

    /** The edges of each reserved range: the first and last address inside, the neighbours outside. */
    @Test
    void theEdgesOfTheReservedRanges() throws Exception {
        for (String inside : List.of("100.64.0.0", "100.64.0.1", "100.127.255.255", "192.0.0.0", "192.0.0.255", "198.18.0.0",
                "198.19.255.255", "0.0.0.1", "0.255.255.255", "10.0.0.1", "172.31.255.255", "192.168.0.1", "127.0.0.2",
                "169.254.0.1", "224.0.0.1", "fc00::1", "fd00:ec2::254", "fdff:ffff::1", "::1", "fe80::1", "::")) {
            assertTrue(BaseUrlPolicy.isInternal(java.net.InetAddress.getByName(inside)), inside);
        }
        for (String outside : List.of("100.63.255.255", "100.128.0.0", "192.0.1.0", "191.255.255.255", "198.17.255.255",
                "198.20.0.0", "1.0.0.0", "93.184.216.34", "172.32.0.1", "fbff::1", "fe00::1", "2001:db8::1", "2606:4700::1111")) {
            assertFalse(BaseUrlPolicy.isInternal(java.net.InetAddress.getByName(outside)), outside);
        }
    }

    @Test
    void anAddressWithoutAHostIsExplained() {
        assertEquals("The address has no host name.", policy(false).problemWith("http:///claudio").orElseThrow());
        assertEquals("This is not a valid web address.", policy(false).problemWith("http://exa mple.com").orElseThrow());
        assertEquals(Optional.empty(), policy(false).problemWith(" https://93.184.216.34 "), "surrounding spaces are trimmed");
        assertEquals(Optional.empty(), policy(false, " LocalHost ").problemWith("http://localhost:1/x"), "allowed hosts ignore case and spaces");
    }

    static BaseUrlPolicy policy(boolean https, String... allowed) {
        BaseUrlPolicy p = new BaseUrlPolicy();
        p.config = new ConnectionPolicyConfig() {
            public boolean requireHttps() {
                return https;
            }

            public Optional<List<String>> allowedPrivateHosts() {
                return Optional.of(List.of(allowed));
            }
        };
        return p;
    }
}
