package dev.conversa.mention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A feed URL must not make the server read the installation's own network, neither directly nor by a redirect. */
class FeedFetcherTest {
    WireMockServer site;

    @BeforeEach
    void start() {
        site = new WireMockServer(options().dynamicPort());
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    private static FeedFetcher fetcher(boolean allowPrivate) {
        return new FeedFetcher(new FeedProperties(null, null, null, null, null, null, null, allowPrivate));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "192.0.0.8", "::1", "fd00::1", "fe80::1", "224.0.0.1"})
    void privateAddressesAreRecognised(String address) throws Exception {
        assertThat(FeedFetcher.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "151.101.1.69", "2606:4700::6810:84e5", "100.128.0.1", "172.32.0.1"})
    void publicAddressesAreNot(String address) throws Exception {
        assertThat(FeedFetcher.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
    }

    @Test
    void aFeedOnThisMachineIsRefusedBeforeAnyRequest() {
        site.stubFor(get(urlEqualTo("/feed.xml")).willReturn(aResponse().withBody("<rss/>")));
        assertThatThrownBy(() -> fetcher(false).fetch(site.baseUrl() + "/feed.xml", null, null))
                .isInstanceOf(IOException.class).hasMessageContaining("is a private address");
        assertThat(site.getAllServeEvents()).isEmpty();
    }

    @Test
    void redirectsAreFollowedHereAndBounded() throws Exception {
        site.stubFor(get(urlEqualTo("/old.xml")).willReturn(aResponse().withStatus(301).withHeader("Location", "/new.xml")));
        site.stubFor(get(urlEqualTo("/new.xml")).willReturn(aResponse().withHeader("ETag", "\"v1\"").withBody("<rss/>")));
        FeedFetcher.Answer answer = fetcher(true).fetch(site.baseUrl() + "/old.xml", null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(answer.etag()).isEqualTo("\"v1\"");

        site.stubFor(get(urlEqualTo("/loop.xml")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop.xml")));
        assertThatThrownBy(() -> fetcher(true).fetch(site.baseUrl() + "/loop.xml", null, null))
                .isInstanceOf(IOException.class).hasMessageContaining("more than 5 redirects");
    }
}
