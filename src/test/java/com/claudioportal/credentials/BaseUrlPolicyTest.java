package com.claudioportal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.claudioportal.job.JobLine;

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
    void anOperatorAllowsAnInternalHostAndPortNotTheWholeHost() {
        assertEquals(Optional.empty(), policy(false, "localhost:8090").problemWith("http://localhost:8090/claudio/maple"));
        assertTrue(policy(false, "localhost:8090").problemWith("http://localhost:9000/q/health").orElse("").contains("own network"),
                "allowing the sandbox does not open the management port");
        assertTrue(policy(false, "localhost:8090").problemWith("http://127.0.0.2:8090").isPresent());
        // a bare host means the scheme's default port, [v6]:port and host:* (tests) work too
        assertEquals(Optional.empty(), policy(false, "localhost").problemWith("http://localhost/team"));
        assertTrue(policy(false, "localhost").problemWith("http://localhost:8443/team").isPresent());
        assertEquals(Optional.empty(), policy(false, "[::1]:8090").problemWith("http://[::1]:8090/x"));
        assertEquals(Optional.empty(), policy(false, "LocalHost:*").problemWith("http://localhost:40123/x"));
        assertTrue(policy(false, "localhost:http").problemWith("http://localhost:80/x").isPresent(), "a garbled entry allows nothing");
    }

    @Test
    void addressesWrittenInOtherWaysAreStillTheSameAddresses() {
        BaseUrlPolicy p = policy(true);
        for (String url : List.of("https://[::ffff:127.0.0.1]/", "https://[0:0:0:0:0:0:0:1]/", "https://0x7f000001/", "https://2130706433/",
                "https://127.1/", "https://[fe80::1]/", "https://224.0.0.1/", "https://255.255.255.255/")) {
            String problem = p.problemWith(url).orElse("");
            assertTrue(problem.contains("own network") || problem.contains("could not be found") || problem.contains("not a valid")
                    || problem.contains("no host name"),
                    url + " -> " + problem);
        }
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
        assertEquals(Optional.empty(), policy(false, " LocalHost:1 ").problemWith("http://localhost:1/x"), "allowed hosts ignore case and spaces");
        assertTrue(policy(false, " LocalHost ").problemWith("http://localhost:1/x").isPresent(), "a bare host allows only the scheme's port");
    }

    @Test
    void transcriptLinksAreOpenedOnlyOverHttpsAndNeverIntoThePortalsNetwork() {
        BaseUrlPolicy strict = policy(true);
        assertEquals(Optional.empty(), strict.linkProblem("https://claudio-files.s3.amazonaws.com/t/report.pdf?X-Amz-Signature=ab12"),
                "a pre-signed link elsewhere is fine (the browser fetches it)");
        for (String bad : List.of("http://files.example/report.pdf", "javascript:alert(1)", "file:///etc/passwd",
                "https://user:pw@files.example/x", "https://169.254.169.254/latest/meta-data/", "https://[::1]:9000/q/metrics",
                "https://10.0.0.5/report.pdf", "https://localhost:9000/q/health", "https://metadata.google.internal/x", "not a url")) {
            assertTrue(strict.linkProblem(bad).isPresent(), bad);
        }
        assertEquals(Optional.empty(), policy(false, "localhost:8090").linkProblem("http://localhost:8090/claudio/maple/files/a.txt"),
                "the demo's sandbox (http, allowed host and port)");
        assertTrue(policy(false, "localhost:8090").linkProblem("http://localhost:9000/q/metrics").isPresent(), "but not its other ports");
    }

    @Test
    void eachRefusalNamesItsWordsForAJobsTimeline() {
        // the worker's "address no longer allowed" line words the refusal again from its code, in each reader's language
        BaseUrlPolicy p = policy(true);
        for (String url : List.of("http://exa mple.com", "ftp://93.184.216.34", "http://93.184.216.34/team", "http:///claudio",
                "https://user:pw@93.184.216.34", "https://93.184.216.34/x?key=1", "https://no-such-host.invalid", "https://127.0.0.1/x",
                "https://metadata/x")) {
            PinnedResolution refused = p.pin(url);
            assertFalse(refused.ok(), url);
            assertEquals(refused.problem(), JobLine.of(refused.problemCode(), "host", refused.host()).english(), url);
        }
        assertEquals(null, p.pin("https://93.184.216.34/team").problemCode());
    }

    static BaseUrlPolicy policy(boolean https, String... allowed) {
        return ScriptedDns.policy(new SystemHostResolver(), https, allowed);
    }
}
