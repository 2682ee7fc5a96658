package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEnvironmentTest {

    @Test
    void proxyVariablesBecomeJavaProperties() {
        Map<String, String> p = ProxyEnvironment.properties(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128/", "http_proxy", "proxy.corp:8080",
                "NO_PROXY", "internal.corp, .example.com,"));
        assertThat(p).containsEntry("https.proxyHost", "proxy.corp").containsEntry("https.proxyPort", "3128")
                .containsEntry("http.proxyHost", "proxy.corp").containsEntry("http.proxyPort", "8080")
                .containsEntry("http.nonProxyHosts", "localhost|127.*|[::1]|internal.corp|*.example.com");
    }

    @Test
    void lowerCaseWinsDefaultPortsApplyAndJunkIsIgnored() {
        assertThat(ProxyEnvironment.properties(Map.of("https_proxy", "https://a.example", "HTTPS_PROXY", "http://b:1")))
                .containsEntry("https.proxyHost", "a.example").containsEntry("https.proxyPort", "443");
        assertThat(ProxyEnvironment.properties(Map.of("HTTPS_PROXY", "http://[bad"))).isEmpty();
        assertThat(ProxyEnvironment.properties(Map.of("NO_PROXY", "x"))).as("NO_PROXY alone sets nothing").isEmpty();
        assertThat(ProxyEnvironment.properties(Map.of())).isEmpty();
    }

    @Test
    void explicitPropertiesWin() {
        System.setProperty("https.proxyHost", "explicit");
        try {
            ProxyEnvironment.apply(Map.of("HTTPS_PROXY", "http://env:1"));
            assertThat(System.getProperty("https.proxyHost")).isEqualTo("explicit");
            assertThat(System.getProperty("https.proxyPort")).isEqualTo("1");
        } finally {
            System.clearProperty("https.proxyHost");
            System.clearProperty("https.proxyPort");
        }
    }
}
