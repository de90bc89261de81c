package dev.conversa.mention;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A workspace's alerts as an Atom 1.0 feed (RFC 4287): one entry per alert, its explanation as the content. */
public final class AlertFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AlertFeed() {
    }

    /** @param self the feed's own URL (its id too: the URL is unique per workspace) */
    public static String atom(List<Alert> alerts, String self) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", self);
            text(x, "title", "Conversa listening alerts");
            text(x, "updated", (alerts.isEmpty() ? Instant.EPOCH : alerts.getFirst().firedAt()).toString());
            x.writeEmptyElement("link");
            x.writeAttribute("rel", "self");
            x.writeAttribute("href", self);
            x.writeStartElement("author");
            text(x, "name", "Conversa");
            x.writeEndElement();
            for (Alert a : alerts) {
                x.writeStartElement("entry");
                text(x, "id", self + "#alert-" + a.id());
                text(x, "title", a.headline());
                text(x, "updated", a.firedAt().toString());
                text(x, "published", a.firedAt().toString());
                x.writeStartElement("category");
                x.writeAttribute("term", a.kind().name());
                x.writeEndElement();
                text(x, "summary", AlertDelivery.text(a));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string", e);
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
