package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One layout: every page's head and top bar come from {@code templates/layout.html}, which links the one stylesheet;
 * no template carries styles of its own. Pages a person opens without signing in (sign-in, invitation, survey) take
 * the head only.
 */
class LayoutTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Set<String> PUBLIC = Set.of("login.html", "csat/survey.html", "password-link.html");
    private static final Pattern HEAD = Pattern.compile("<head[\\s>]");
    private static final Pattern STYLE = Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static String name(Path p) {
        return TEMPLATES.relativize(p).toString().replace('\\', '/');
    }

    @Test
    void noTemplateHasStylesOfItsOwn() throws IOException {
        assertThat(templates()).hasSizeGreaterThan(10).allSatisfy(p -> {
            String html = Files.readString(p);
            assertThat(STYLE.matcher(html).find()).as(name(p) + " has a <style> block or a style attribute").isFalse();
            if (!name(p).equals("layout.html")) {
                assertThat(html).as(name(p) + " links a stylesheet itself").doesNotContain("rel=\"stylesheet\"");
            }
        });
    }

    @Test
    void everyPageUsesTheLayout() throws IOException {
        // a page has a head or a title; any other template is a file of fragments for the pages and htmx
        List<Path> pages = templates().stream().filter(p -> !name(p).equals("layout.html"))
                .filter(p -> HEAD.matcher(read(p)).find() || read(p).contains("<title")).toList();
        assertThat(templates()).filteredOn(p -> !pages.contains(p)).allSatisfy(p ->
                assertThat(read(p)).as(name(p) + " is neither a page nor fragments").contains("th:fragment="));
        assertThat(pages).extracting(LayoutTest::name).contains("console/page.html", "admin/tokens.html", "reports.html",
                "listening.html", "login.html", "csat/survey.html", "installation.html", "wallboard.html");
        assertThat(pages).allSatisfy(p -> {
            String html = read(p);
            assertThat(html).as(name(p) + " takes its <head> from the layout").containsPattern("<head th:replace=\"~\\{layout :: head\\(");
            assertThat(HEAD.split(html).length).as(name(p) + " has one head").isEqualTo(2);
            if (!PUBLIC.contains(name(p))) {
                assertThat(html).as(name(p) + " shows the layout's top bar").contains("th:replace=\"~{layout :: topbar(");
            }
        });
    }

    @Test
    void theLayoutLinksTheOneStylesheet() throws IOException {
        String layout = Files.readString(TEMPLATES.resolve("layout.html"));
        assertThat(layout).contains("th:href=\"@{/css/conversa.css}\"").contains("th:fragment=\"head(title, scripts)\"")
                .contains("th:fragment=\"topbar(extra)\"").contains("${@navigation.links()}");
        try (Stream<Path> css = Files.list(Path.of("src/main/resources/static/css"))) {
            assertThat(css.map(p -> p.getFileName().toString())).containsExactly("conversa.css");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
