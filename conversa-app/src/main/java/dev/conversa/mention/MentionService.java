package dev.conversa.mention;

import dev.conversa.analysis.MessageAnalysis;
import dev.conversa.channel.ChannelCatalog;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.IngestResult;
import dev.conversa.channel.IngestionService;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.listening.ListeningQuery;
import dev.conversa.listening.Post;
import dev.conversa.listening.QuerySyntaxException;
import dev.conversa.nlp.LanguageGuess;
import dev.conversa.nlp.Sentiment;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Standing queries per workspace and the mentions they find. Supervisors and admins manage the queries, every agent
 * reads the mentions. Posts come from a source: an installation admin's token delivers the public stream for every
 * workspace; a workspace admin's token delivers posts matched only against that workspace's queries.
 */
@Service
public class MentionService {
    static final int MAX_TEXT = 10_000;
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,40}");

    private final MentionStore store;
    private final StandingQueryIndex index;
    private final MessageAnalysis analysis;
    private final InboxService inboxes;
    private final IngestionService ingestion;
    private final ConversationService conversations;
    private final ChannelCatalog channels;

    MentionService(MentionStore store, StandingQueryIndex index, MessageAnalysis analysis, InboxService inboxes,
                   IngestionService ingestion, ConversationService conversations, ChannelCatalog channels) {
        this.channels = channels;
        this.store = store;
        this.index = index;
        this.analysis = analysis;
        this.inboxes = inboxes;
        this.ingestion = ingestion;
        this.conversations = conversations;
    }

    /** @throws InvalidInputException naming the position and what was expected when the query does not parse */
    public StandingQuery createQuery(String name, String query, Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "a name of 1 to 200 characters is required");
        }
        if (query == null || query.isBlank() || query.length() > 4000) {
            throw new InvalidInputException("query", "a query of 1 to 4,000 characters is required");
        }
        try {
            ListeningQuery.parse(query);
        } catch (QuerySyntaxException e) {
            throw new InvalidInputException("query", e.getMessage());
        }
        long id = store.insertQuery(ws, name.strip(), query.strip());
        StandingQuery created = store.query(ws, id).orElseThrow();
        index.put(created);
        index.changedElsewhere(ws);
        return created;
    }

    public List<StandingQuery> queries(Actor actor) {
        return store.queries(actor.workspace());
    }

    /** Stops the query matching; the mentions it found stay. */
    public void deleteQuery(long id, Actor actor) {
        actor.require(Role.SUPERVISOR);
        if (!store.deleteQuery(actor.workspace(), id)) {
            throw new NotFoundException("listening query", id);
        }
        index.remove(id);
        index.changedElsewhere(actor.workspace());
    }

    /**
     * Matches a post against the standing queries and stores a mention per matching query, with the post's language
     * and its sentiment by each workspace's model. Idempotent by (query, source, external id).
     */
    public Intake ingest(PublicPost post, Actor actor) {
        Long onlyWorkspace = actor.role() == Role.INSTALLATION_ADMIN ? null : actor.workspace();
        if (onlyWorkspace != null) {
            actor.require(Role.ADMIN);
        }
        PublicPost p = validated(post);
        String lang = p.lang();
        if (lang == null) {
            LanguageGuess guess = analysis.language(p.text());
            lang = guess.isKnown() ? guess.code() : null;
        }
        Instant postedAt = p.postedAt() == null ? Instant.now() : p.postedAt();
        Post candidate = new Post(p.text(), lang, p.author(), p.country(), p.site(), p.source());
        Map<Long, Sentiment> byWorkspace = new HashMap<>();
        int matched = 0;
        int stored = 0;
        for (StandingQueryIndex.Hit hit : index.match(candidate)) {
            if (onlyWorkspace != null && hit.workspaceId() != onlyWorkspace) {
                continue;
            }
            matched++;
            // the language is known by now: each workspace's model only adds its sentiment
            String language = lang;
            Sentiment sentiment = byWorkspace.computeIfAbsent(hit.workspaceId(), ws -> analysis.sentiment(ws, p.text(), language));
            if (store.insertMention(hit.workspaceId(), hit.queryId(), p, p.text(), hit.match().highlights(), lang,
                    sentiment.label().name(), sentiment.confidence(), postedAt)) {
                stored++;
            }
        }
        return new Intake(matched, stored);
    }

    /**
     * A repost or quote from a source: when some workspace has mentions of the original post, it is counted on them
     * (once per share) and answers {@code true}; otherwise nothing is stored and it answers {@code false} (a quote of
     * an unknown post is then matched as a post of its own).
     */
    boolean share(String source, String shareId, String originalId, boolean quote) {
        if (!store.mentioned(source, originalId)) {
            return false;
        }
        store.share(source, shareId, originalId, quote);
        return true;
    }

    public Page<Mention> mentions(Long queryId, String sentiment, Paging paging, Actor actor) {
        long ws = actor.workspace();
        if (queryId != null && !store.queryExists(ws, queryId)) {
            throw new NotFoundException("listening query", queryId);
        }
        String label = sentiment == null || sentiment.isBlank() ? null : sentiment.strip().toUpperCase(Locale.ROOT);
        if (label != null && !List.of("NEGATIVE", "NEUTRAL", "POSITIVE").contains(label)) {
            throw new InvalidInputException("sentiment", "sentiment is NEGATIVE, NEUTRAL or POSITIVE");
        }
        return new Page<>(store.mentions(ws, queryId, label, (int) paging.offset(), paging.size()), paging.page(),
                paging.size(), store.countMentions(ws, queryId, label));
    }

    /**
     * Proactive care: turns a mention into a case on one of the workspace's inboxes, as if the post had arrived there,
     * so the agent answers it in public on its network (the reply goes in thread to the post) or moves the author
     * to a private message. Opening it again answers the same conversation.
     *
     * @param inboxId an inbox of the mention's network (an X inbox for a twitter mention), or an API inbox
     * @return the conversation's id
     */
    public long openCase(long mentionId, long inboxId, Actor actor) {
        actor.require(Role.AGENT);
        long ws = actor.workspace();
        Mention m = store.mention(ws, mentionId).orElseThrow(() -> new NotFoundException("mention", mentionId));
        Inbox inbox = inboxes.find(ws, inboxId)
                .orElseThrow(() -> new InvalidInputException("inboxId", "no inbox " + inboxId + " in this workspace"));
        ChannelType network = networkOf(m.source()).orElse(null);
        if (network == null && inbox.channel() != ChannelType.API) {
            throw new InvalidInputException("inboxId", "no channel answers mentions from the source \"" + m.source()
                    + "\": open this one on an API inbox, not " + inbox.channel());
        }
        if (network != null && inbox.channel() != ChannelType.API && inbox.channel() != network) {
            throw new InvalidInputException("inboxId", "a " + m.source() + " mention is answered from a " + network
                    + " or an API inbox, not " + inbox.channel());
        }
        IdentityKind kind = channels.identityKind(network == null ? ChannelType.API : network);
        String value = m.authorId() != null ? m.authorId() : m.author() != null ? m.author() : m.source() + ":" + m.externalId();
        IngestResult r = ingestion.receive(ws, inboxId, new InboundMessage(m.externalId(), null,
                new NewIdentity(kind, value, null, m.author(), null, null, null), null, m.body(), Visibility.PUBLIC,
                List.of(), m.postedAt()));
        if (m.conversationId() == null || m.conversationId() != r.conversationId()) {
            store.linkConversation(ws, mentionId, r.conversationId());
        }
        if (!r.duplicate()) {
            conversations.addNote(r.conversationId(), "Opened from a listening mention on " + m.source()
                    + (m.url() == null ? "" : " (" + m.url() + ")") + " by " + actor.name() + ".", actor);
        }
        return r.conversationId();
    }

    /**
     * The channel a mention from this source is answered on, as the channels declare their listening sources; empty
     * for a source no channel claims (the API channel answers it, and openCase refuses any other inbox, naming the source).
     */
    public Optional<ChannelType> networkOf(String source) {
        return channels.listenedAs(source);
    }

    private static PublicPost validated(PublicPost p) {
        if (p == null) {
            throw new InvalidInputException("body", "a post is required");
        }
        String source = p.source() == null ? "" : p.source().strip().toLowerCase(Locale.ROOT);
        if (!SOURCE.matcher(source).matches()) {
            throw new InvalidInputException("source", "source is the network's name: letters, digits, - or _ (e.g. twitter)");
        }
        if (p.externalId() == null || p.externalId().isBlank() || p.externalId().length() > 200) {
            throw new InvalidInputException("externalId", "the network's id of the post is required (at most 200 characters)");
        }
        if (p.text() == null || p.text().isBlank()) {
            throw new InvalidInputException("text", "the post's text is required");
        }
        if (p.text().length() > MAX_TEXT) {
            throw new InvalidInputException("text", "a post has at most 10,000 characters");
        }
        if (p.author() != null && p.author().length() > 200 || p.url() != null && p.url().length() > 2000) {
            throw new InvalidInputException(p.url() != null && p.url().length() > 2000 ? "url" : "author", "too long");
        }
        String lang = p.lang() == null || p.lang().isBlank() ? null : p.lang().strip().toLowerCase(Locale.ROOT);
        if (lang != null && !lang.matches("[a-z]{2,3}")) {
            throw new InvalidInputException("lang", "lang is a language code such as es or en");
        }
        if (p.authorFollowers() != null && p.authorFollowers() < 0) {
            throw new InvalidInputException("authorFollowers", "authorFollowers is a count, 0 or more");
        }
        if (p.authorId() != null && p.authorId().length() > 200) {
            throw new InvalidInputException("authorId", "too long");
        }
        return new PublicPost(source, p.externalId().strip(), p.text(), p.author(), p.authorId(), p.url(), lang, p.country(),
                p.site(), p.postedAt(), p.authorFollowers());
    }
}
