package dev.conversa.mention;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 (https://www.rssboard.org/rss-specification) and Atom (RFC 4287) documents with the JDK's StAX
 * parser. DTDs and external entities are refused (a feed is untrusted input: no XXE, no entity expansion bombs).
 * Unknown elements, such as extension namespaces, are skipped.
 */
final class FeedParser {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XML = XMLConstants.XML_NS_URI;
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final XMLInputFactory factory;

    FeedParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** @throws FeedFormatException when the document is not well-formed XML, or neither RSS nor Atom */
    List<FeedEntry> parse(InputStream document) {
        try {
            XMLStreamReader r = factory.createXMLStreamReader(document);
            try {
                r.nextTag();
                String root = r.getLocalName();
                if ("rss".equals(root)) {
                    return rss(r);
                }
                if ("feed".equals(root) && ATOM.equals(r.getNamespaceURI())) {
                    return atom(r);
                }
                throw new FeedFormatException("not an RSS or Atom document (root element <" + root + ">)");
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FeedFormatException("not well-formed XML: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ RSS 2.0

    private List<FeedEntry> rss(XMLStreamReader r) throws XMLStreamException {
        List<FeedEntry> entries = new ArrayList<>();
        String channelLang = null;
        List<Item> items = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (depth == 2 && "language".equals(name) && noNamespace(r)) {
                    channelLang = r.getElementText();
                } else if (depth == 2 && "item".equals(name)) {
                    items.add(rssItem(r));
                } else {
                    depth++;
                }
            }
        }
        for (Item item : items) {
            entries.add(item.entry(language(channelLang)));
        }
        return entries;
    }

    private Item rssItem(XMLStreamReader r) throws XMLStreamException {
        Item item = new Item();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (noNamespace(r)) {
                switch (name) {
                    case "title" -> item.title = r.getElementText();
                    case "link" -> item.link = r.getElementText().strip();
                    case "description" -> item.summary = plain(r.getElementText());
                    case "guid" -> item.id = r.getElementText().strip();
                    case "author" -> item.author = r.getElementText().strip();
                    case "pubDate" -> item.published = rfc822(r.getElementText());
                    default -> skip(r);
                }
            } else if (DC.equals(ns) && "creator".equals(name) && item.author == null) {
                item.author = r.getElementText().strip();
            } else {
                skip(r);
            }
        }
        return item;
    }

    // ------------------------------------------------------------------------------------------------ Atom

    private List<FeedEntry> atom(XMLStreamReader r) throws XMLStreamException {
        String feedLang = r.getAttributeValue(XML, "lang");
        String feedAuthor = null;
        List<Item> items = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!ATOM.equals(r.getNamespaceURI())) {
                skip(r);
            } else if ("entry".equals(r.getLocalName())) {
                items.add(atomEntry(r, feedLang));
            } else if ("author".equals(r.getLocalName())) {
                feedAuthor = personName(r);
            } else {
                skip(r);
            }
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (Item item : items) {
            if (item.author == null) {
                item.author = feedAuthor; // RFC 4287 4.2.1: an entry without author inherits the feed's
            }
            entries.add(item.entry(null));
        }
        return entries;
    }

    private Item atomEntry(XMLStreamReader r, String feedLang) throws XMLStreamException {
        Item item = new Item();
        item.lang = language(r.getAttributeValue(XML, "lang") != null ? r.getAttributeValue(XML, "lang") : feedLang);
        Instant updated = null;
        String content = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!ATOM.equals(r.getNamespaceURI())) {
                skip(r);
                continue;
            }
            switch (r.getLocalName()) {
                case "id" -> item.id = r.getElementText().strip();
                case "title" -> item.title = atomText(r);
                case "summary" -> item.summary = atomText(r);
                case "content" -> content = r.getAttributeValue(null, "src") != null ? skipEmpty(r) : atomText(r);
                case "published" -> item.published = rfc3339(r.getElementText());
                case "updated" -> updated = rfc3339(r.getElementText());
                case "author" -> {
                    String name = personName(r);
                    item.author = item.author == null ? name : item.author;
                }
                case "link" -> {
                    String rel = r.getAttributeValue(null, "rel");
                    String href = r.getAttributeValue(null, "href");
                    // RFC 4287 4.2.7.2: no rel means "alternate", the entry's page
                    if ((rel == null || "alternate".equals(rel)) && href != null && item.link == null) {
                        item.link = href.strip();
                    }
                    skip(r);
                }
                default -> skip(r);
            }
        }
        if (item.published == null) {
            item.published = updated;
        }
        if (content != null && (item.summary == null || item.summary.isBlank())) {
            item.summary = content;
        }
        return item;
    }

    /** An Atom text construct (RFC 4287 3.1): {@code text}, escaped {@code html}, or inline {@code xhtml}. */
    private String atomText(XMLStreamReader r) throws XMLStreamException {
        String type = r.getAttributeValue(null, "type");
        if ("xhtml".equals(type)) {
            StringBuilder sb = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    sb.append(' ');
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    sb.append(r.getText());
                }
            }
            return collapse(sb.toString());
        }
        String text = r.getElementText();
        return "html".equals(type) ? plain(text) : collapse(text);
    }

    private String personName(XMLStreamReader r) throws XMLStreamException {
        String name = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (ATOM.equals(r.getNamespaceURI()) && "name".equals(r.getLocalName())) {
                name = r.getElementText().strip();
            } else {
                skip(r);
            }
        }
        return name;
    }

    private static boolean noNamespace(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String skipEmpty(XMLStreamReader r) throws XMLStreamException {
        skip(r);
        return null;
    }

    // ------------------------------------------------------------------------------------------------ values

    /** Markup removed from escaped HTML (an RSS description, an Atom {@code type="html"} text), entities decoded. */
    static String plain(String html) {
        String noTags = TAG.matcher(html).replaceAll(" ");
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder sb = new StringBuilder(noTags.length());
        while (m.find()) {
            String e = m.group(1);
            String decoded = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> codePoint(e);
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(sb);
        return collapse(sb.toString());
    }

    private static String codePoint(String numeric) {
        int cp = numeric.charAt(1) == 'x' || numeric.charAt(1) == 'X' ? Integer.parseInt(numeric.substring(2), 16)
                : Integer.parseInt(numeric.substring(1));
        return Character.isValidCodePoint(cp) ? Character.toString(cp) : " ";
    }

    private static String collapse(String s) {
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    /** {@code en-us} → {@code en}; anything that is not a language tag → {@code null}. */
    static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    /** RSS dates are RFC 822 (with a four-digit year in practice); an unreadable date is treated as absent. */
    static Instant rfc822(String value) {
        try {
            return ZonedDateTime.parse(collapse(value), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant rfc3339(String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What an entry collects while it is read. */
    private static final class Item {
        String id;
        String title;
        String summary;
        String link;
        String author;
        String lang;
        Instant published;

        FeedEntry entry(String fallbackLang) {
            String heading = title == null ? "" : collapse(title);
            String body = summary == null ? "" : summary;
            String text = heading.isEmpty() ? body : body.isEmpty() ? heading : heading + "\n" + body;
            String identity = id != null && !id.isEmpty() ? id : link != null && !link.isEmpty() ? link : null;
            return new FeedEntry(identity, text, link, author, lang != null ? lang : fallbackLang, published);
        }
    }
}
