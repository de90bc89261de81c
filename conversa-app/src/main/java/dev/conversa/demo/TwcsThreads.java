package dev.conversa.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the "Customer Support on Twitter" sample (tweet_id, author_id, inbound, created_at, text, response_tweet_id,
 * in_response_to_tweet_id) and rebuilds its threads by following the reply links.
 */
final class TwcsThreads {
    private static final DateTimeFormatter TWITTER_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    private TwcsThreads() {
    }

    record Tweet(String id, String author, boolean inbound, Instant at, String text, String inReplyTo) {
    }

    static List<DemoThread> read(Path csv, int maxThreads) throws IOException {
        Map<String, Tweet> tweets = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get(); // the file's first column (a row number) has no name
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser rows = format.parse(in)) {
            for (CSVRecord row : rows) {
                if (!row.isConsistent()) {
                    continue;
                }
                String replyTo = row.get("in_response_to_tweet_id");
                String parent = replyTo.isBlank() ? null : replyTo.replace(".0", "");
                tweets.put(row.get("tweet_id"), new Tweet(row.get("tweet_id"), row.get("author_id"),
                        "True".equalsIgnoreCase(row.get("inbound")),
                        ZonedDateTime.parse(row.get("created_at"), TWITTER_DATE).toInstant(), row.get("text"), parent));
            }
        }
        Map<String, List<Tweet>> byRoot = new LinkedHashMap<>();
        Map<String, String> rootCache = new HashMap<>();
        for (Tweet t : tweets.values()) {
            byRoot.computeIfAbsent(root(t, tweets, rootCache), k -> new ArrayList<>()).add(t);
        }
        List<DemoThread> threads = new ArrayList<>();
        String[] channels = {"TWITTER", "TWITTER", "EMAIL", "WEBCHAT", "TWITTER", "SMS"};
        for (List<Tweet> thread : byRoot.values()) {
            thread.sort(Comparator.comparing(Tweet::at));
            String customer = thread.stream().filter(Tweet::inbound).map(Tweet::author).findFirst().orElse(null);
            String brand = thread.stream().filter(t -> !t.inbound()).map(Tweet::author).findFirst().orElse(null);
            if (customer == null || brand == null || thread.size() < 2 || !thread.get(0).inbound()) {
                continue;
            }
            List<DemoThread.Post> posts = thread.stream()
                    .map(t -> new DemoThread.Post("twcs-" + t.id(), t.inbound(), t.text(), t.at())).toList();
            threads.add(new DemoThread(brand, customer, "@" + customer, channels[threads.size() % channels.length], posts));
            if (threads.size() >= maxThreads) {
                break;
            }
        }
        return threads;
    }

    private static String root(Tweet t, Map<String, Tweet> tweets, Map<String, String> cache) {
        List<String> path = new ArrayList<>();
        Tweet cur = t;
        String root = null;
        while (cur != null && root == null) {
            root = cache.get(cur.id());
            if (root == null) {
                path.add(cur.id());
                Tweet parent = cur.inReplyTo() == null ? null : tweets.get(cur.inReplyTo());
                if (parent == null || path.size() > 1000) {
                    root = cur.id();
                }
                cur = parent;
            }
        }
        for (String p : path) {
            cache.put(p, root);
        }
        return root;
    }
}
