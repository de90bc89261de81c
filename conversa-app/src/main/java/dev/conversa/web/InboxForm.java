package dev.conversa.web;

import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.InboxCriteria;
import dev.conversa.conversation.Priority;
import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/** The inbox's query string: view, filters, sort, search and the keyset cursor. Blank means "any". */
public record InboxForm(InboxCriteria.View view, List<ConversationStatus> status, ChannelType channel, Long inbox,
                 Priority priority, String tag, Long assignee, Long team, String sentiment, String sla, String q,
                 InboxCriteria.Sort sort, Long afterAt, Long afterId) {

    static final int PAGE = 50;

    public InboxCriteria.View viewOrDefault() {
        return view == null ? InboxCriteria.View.ALL : view;
    }

    InboxCriteria criteria() {
        InboxCriteria.Cursor cursor = afterAt == null || afterId == null ? null
                : new InboxCriteria.Cursor(Instant.ofEpochMilli(afterAt), afterId);
        List<ConversationStatus> chosen = status == null ? List.of() : status.stream().filter(java.util.Objects::nonNull).toList();
        return new InboxCriteria(viewOrDefault(), chosen.isEmpty() ? InboxCriteria.ACTIVE : chosen,
                channel, inbox, priority, blank(tag), assignee, team, blank(sentiment), blank(sla), blank(q),
                sort == null ? InboxCriteria.Sort.NEWEST : sort, cursor, PAGE);
    }

    String nextPage(Instant lastAt, long lastId) {
        return query(viewOrDefault(), lastAt.toEpochMilli(), lastId);
    }

    public String current() {
        return query(viewOrDefault(), null, null);
    }

    private String query(InboxCriteria.View v, Long at, Long id) {
        var b = UriComponentsBuilder.newInstance().queryParam("view", v.name());
        if (status != null) {
            status.stream().filter(java.util.Objects::nonNull).forEach(s -> b.queryParam("status", s.name()));
        }
        add(b, "channel", channel == null ? null : channel.name());
        add(b, "inbox", inbox);
        add(b, "priority", priority == null ? null : priority.name());
        add(b, "tag", blank(tag));
        add(b, "assignee", assignee);
        add(b, "team", team);
        add(b, "sentiment", blank(sentiment));
        add(b, "sla", blank(sla));
        add(b, "q", blank(q));
        add(b, "sort", sort == null ? null : sort.name());
        add(b, "afterAt", at);
        add(b, "afterId", id);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static InboxForm empty() {
        return new InboxForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
