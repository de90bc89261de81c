package dev.conversa.mention;

import dev.conversa.analysis.MessageAnalysis;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.listening.ListeningQuery;
import dev.conversa.listening.Post;
import dev.conversa.listening.QuerySyntaxException;
import dev.conversa.nlp.LanguageGuess;
import dev.conversa.nlp.TextAnalysis;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    MentionService(MentionStore store, StandingQueryIndex index, MessageAnalysis analysis) {
        this.store = store;
        this.index = index;
        this.analysis = analysis;
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
        Map<Long, TextAnalysis> byWorkspace = new HashMap<>();
        int matched = 0;
        int stored = 0;
        for (StandingQueryIndex.Hit hit : index.match(candidate)) {
            if (onlyWorkspace != null && hit.workspaceId() != onlyWorkspace) {
                continue;
            }
            matched++;
            TextAnalysis a = byWorkspace.computeIfAbsent(hit.workspaceId(), ws -> analysis.analyze(ws, p.text()));
            if (store.insertMention(hit.workspaceId(), hit.queryId(), p, p.text(), hit.match().highlights(), lang,
                    a.sentiment().label().name(), a.sentiment().confidence(), postedAt)) {
                stored++;
            }
        }
        return new Intake(matched, stored);
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
        return new PublicPost(source, p.externalId().strip(), p.text(), p.author(), p.url(), lang, p.country(), p.site(),
                p.postedAt());
    }
}
