package dev.conversa.mention;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.mention.ShareOfVoice.Rival;
import dev.conversa.mention.ShareOfVoice.Shares;
import dev.conversa.mention.ShareOfVoice.Totals;
import dev.conversa.mention.TopicFigures.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topics: a workspace's brand, products and competitors, each a group of its standing queries, with what was said
 * about each over a time range and the brand's share of voice against its competitors. Supervisors and admins manage
 * topics; every agent reads their figures.
 */
@Service
public class TopicService {
    /** A range spans at most this long, so one request reads a bounded number of mentions. */
    static final Duration MAX_RANGE = Duration.ofDays(366);
    /** Trend buckets per request at most (an hourly trend covers up to 41 days). */
    static final int MAX_BUCKETS = 1000;
    /** Posts read for the top terms: the most recent ones of the range. */
    static final int TERM_SAMPLE = 5000;
    static final int TOP = 10;

    private final TopicStore store;
    private final TopicFigureStore figures;
    private final Clock clock;

    TopicService(TopicStore store, TopicFigureStore figures, ObjectProvider<Clock> clock) {
        this.store = store;
        this.figures = figures;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * @throws InvalidInputException when the name, kind or a query id is wrong
     * @throws ConflictException     when the workspace has a topic of this name
     */
    @Transactional
    public Topic create(String name, String kind, List<Long> queryIds, Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        String n = name(name);
        TopicKind k = kind(kind);
        List<Long> queries = queries(ws, queryIds);
        long id;
        try {
            id = store.insert(ws, n, k);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "this workspace already has a topic named " + n);
        }
        store.replaceQueries(id, queries);
        return store.topic(ws, id).orElseThrow();
    }

    /** Replaces the topic's name, kind and queries. */
    @Transactional
    public Topic update(long id, String name, String kind, List<Long> queryIds, Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        get(id, actor);
        String n = name(name);
        TopicKind k = kind(kind);
        List<Long> queries = queries(ws, queryIds);
        try {
            store.update(ws, id, n, k);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "this workspace already has a topic named " + n);
        }
        store.replaceQueries(id, queries);
        return store.topic(ws, id).orElseThrow();
    }

    public List<Topic> list(Actor actor) {
        return store.topics(actor.workspace());
    }

    public Topic get(long id, Actor actor) {
        return store.topic(actor.workspace(), id).orElseThrow(() -> new NotFoundException("topic", id));
    }

    /** The topic goes; its queries and their mentions stay. */
    public void delete(long id, Actor actor) {
        actor.require(Role.SUPERVISOR);
        if (!store.delete(actor.workspace(), id)) {
            throw new NotFoundException("topic", id);
        }
    }

    /**
     * @param from     the range's start, 7 days before {@code to} when {@code null}
     * @param to       the range's end (exclusive), now when {@code null}
     * @param interval HOUR, DAY or WEEK (case-insensitive), DAY when {@code null}
     */
    public TopicFigures figures(long id, Instant from, Instant to, String interval, Actor actor) {
        Topic topic = get(id, actor);
        long ws = actor.workspace();
        Instant[] range = range(from, to);
        TrendInterval width = interval(interval);
        if (width.buckets(range[0], range[1]) > MAX_BUCKETS) {
            throw new InvalidInputException("interval", "at most " + MAX_BUCKETS + " " + width.name().toLowerCase(Locale.ROOT)
                    + "s: choose a longer interval or a shorter range");
        }
        TopicFigureStore.Totals t = figures.totals(ws, id, range[0], range[1]);
        Map<Long, long[]> counts = figures.trend(ws, id, range[0], range[1], width);
        List<Bucket> trend = new ArrayList<>();
        for (long b = width.bucketOf(range[0]), last = width.bucketOf(range[1].minusNanos(1)); b <= last; b++) {
            long[] c = counts.getOrDefault(b, new long[2]);
            trend.add(new Bucket(width.start(b), c[0], c[1]));
        }
        return new TopicFigures(topic.id(), topic.name(), topic.kind(), range[0], range[1], width, t.volume(), t.reach(),
                t.withFollowers(), t.positive(), t.neutral(), t.negative(),
                TopicFigures.netSentiment(t.positive(), t.negative()),
                TopTerms.of(figures.recentBodies(ws, id, range[0], range[1], TERM_SAMPLE), TOP),
                figures.topAuthors(ws, id, range[0], range[1], TOP), figures.topPosts(ws, id, range[0], range[1], 5),
                figures.countsBy(ws, id, range[0], range[1], "language"),
                figures.countsBy(ws, id, range[0], range[1], "source"), trend);
    }

    /** The brand topic's share of voice against each of the workspace's competitor topics. */
    public ShareOfVoice shareOfVoice(long brandId, Instant from, Instant to, Actor actor) {
        Topic brand = get(brandId, actor);
        if (brand.kind() != TopicKind.BRAND) {
            throw new InvalidInputException("id", "share of voice is a brand topic's; " + brand.name() + " is a "
                    + brand.kind());
        }
        long ws = actor.workspace();
        Instant[] range = range(from, to);
        Totals own = totals(ws, brand.id(), range);
        List<Rival> rivals = new ArrayList<>();
        long mentions = 0;
        long reach = 0;
        long negative = 0;
        for (Topic t : store.topics(ws)) {
            if (t.kind() == TopicKind.COMPETITOR) {
                Totals theirs = totals(ws, t.id(), range);
                rivals.add(new Rival(t.id(), t.name(), theirs, Shares.of(own, theirs)));
                mentions += theirs.mentions();
                reach += theirs.reach();
                negative += theirs.negative();
            }
        }
        return new ShareOfVoice(brand.id(), brand.name(), range[0], range[1], own, rivals,
                Shares.of(own, new Totals(mentions, reach, negative)));
    }

    private Totals totals(long ws, long topic, Instant[] range) {
        TopicFigureStore.Totals t = figures.totals(ws, topic, range[0], range[1]);
        return new Totals(t.volume(), t.reach(), t.negative());
    }

    private Instant[] range(Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : from;
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("from", "a range spans at most 366 days");
        }
        return new Instant[] {start, end};
    }

    private static TrendInterval interval(String interval) {
        if (interval == null || interval.isBlank()) {
            return TrendInterval.DAY;
        }
        try {
            return TrendInterval.valueOf(interval.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("interval", "interval is hour, day or week");
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidInputException("name", "a name of 1 to 200 characters is required");
        }
        return name.strip();
    }

    private static TopicKind kind(String kind) {
        try {
            return TopicKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind is BRAND, PRODUCT or COMPETITOR");
        }
    }

    private List<Long> queries(long ws, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("queryIds", "a topic groups one or more of the workspace's standing queries");
        }
        if (ids.size() > 200 || ids.contains(null)) {
            throw new InvalidInputException("queryIds", "1 to 200 query ids");
        }
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<Long> known = store.existingQueries(ws, distinct);
        for (Long q : distinct) {
            if (!known.contains(q)) {
                throw new InvalidInputException("queryIds", "no standing query " + q + " in this workspace");
            }
        }
        return distinct;
    }
}
