package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published RSS 2.0 and Atom examples (sources in {@code listening/feeds/SOURCES.md}) read as entries. */
class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    static InputStream resource(String name) {
        InputStream in = FeedParserTest.class.getResourceAsStream("/listening/feeds/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing test resource " + name));
        }
        return in;
    }

    @Test
    void theRss2SampleGivesFourItemsWithTheirGuidsTextDatesAndTheChannelLanguage() {
        List<FeedEntry> entries = parser.parse(resource("rss2sample.xml"));

        assertThat(entries).extracting(FeedEntry::id).containsExactly(
                "http://liftoff.msfc.nasa.gov/2003/06/03.html#item573", "http://liftoff.msfc.nasa.gov/2003/05/30.html#item572",
                "http://liftoff.msfc.nasa.gov/2003/05/27.html#item571", "http://liftoff.msfc.nasa.gov/2003/05/20.html#item570");
        FeedEntry star = entries.get(0);
        assertThat(star.text()).isEqualTo("Star City\nHow do Americans get ready to work with Russians aboard the "
                + "International Space Station? They take a crash course in culture, language and protocol at Russia's Star City .");
        assertThat(star.link()).isEqualTo("http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp");
        assertThat(star.lang()).isEqualTo("en");
        assertThat(star.published()).isEqualTo(Instant.parse("2003-06-03T09:39:21Z"));
        assertThat(star.author()).isNull();
        // the second item has neither title nor link: only its description and its guid
        FeedEntry eclipse = entries.get(1);
        assertThat(eclipse.text()).startsWith("Sky watchers in Europe").contains("partial eclipse of the Sun on Saturday")
                .doesNotContain("<a").doesNotContain("href");
        assertThat(eclipse.link()).isNull();
        assertThat(entries.get(3).text()).startsWith("Astronauts' Dirty Laundry\nCompared to earlier spacecraft");
    }

    @Test
    void theBriefAtomExampleOfRfc4287InheritsTheFeedsAuthorAndUsesUpdatedWithoutPublished() {
        List<FeedEntry> entries = parser.parse(resource("atom-rfc4287-minimal.xml"));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
            assertThat(e.text()).isEqualTo("Atom-Powered Robots Run Amok\nSome text.");
            assertThat(e.link()).isEqualTo("http://example.org/2003/12/13/atom03");
            assertThat(e.author()).isEqualTo("John Doe");
            assertThat(e.published()).isEqualTo(Instant.parse("2003-12-13T18:30:02Z"));
            assertThat(e.lang()).isNull();
        });
    }

    @Test
    void theExtensiveAtomExampleTakesTheAlternateLinkThePublishedDateAndTheXhtmlContentAsText() {
        List<FeedEntry> entries = parser.parse(resource("atom-rfc4287-extensive.xml"));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("tag:example.org,2003:3.2397");
            assertThat(e.text()).isEqualTo("Atom draft-07 snapshot\n[Update: The Atom draft is finished.]");
            assertThat(e.link()).as("rel=alternate, not the enclosure").isEqualTo("http://example.org/2005/04/02/atom");
            assertThat(e.author()).isEqualTo("Mark Pilgrim");
            assertThat(e.published()).isEqualTo(Instant.parse("2003-12-13T12:29:29Z"));
        });
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top-secret-content");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><guid>1</guid></item></channel></rss>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FeedFormatException.class).message().doesNotContain("top-secret-content");
    }

    @Test
    void aPageThatIsNotAFeedOrNotXmlIsRefused() {
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("<html>");
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream("{\"json\":true}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void htmlIsReducedToItsTextAndRssDatesAndLanguageTagsAreRead() {
        assertThat(FeedParser.plain("<p>Fish &amp; chips &#233;&#x1F600; &lt;b&gt;</p>")).isEqualTo("Fish & chips é😀 <b>");
        assertThat(FeedParser.language("es-ES")).isEqualTo("es");
        assertThat(FeedParser.language("not a tag")).isNull();
        assertThat(FeedParser.rfc822("Tue, 10 Jun 2003 04:00:00 GMT")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
        assertThat(FeedParser.rfc822("yesterday")).isNull();
    }
}
