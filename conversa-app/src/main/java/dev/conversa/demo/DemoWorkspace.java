package dev.conversa.demo;

import dev.conversa.channel.IngestResult;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.TeamService;
import dev.conversa.workspace.UserAccount;
import dev.conversa.workspace.UserService;
import dev.conversa.workspace.Workspace;
import dev.conversa.workspace.WorkspaceService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the demo workspace on first start: agents, teams, one inbox per channel, and conversations from real
 * support threads. Loading runs after start-up so the server is ready at once; the login is printed.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
class DemoWorkspace {
    static final String SLUG = "demo";
    static final String PASSWORD = "conversa-demo";
    static final String LOGIN = "ana@" + SLUG + ".conversa.local";
    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
    private static final int MAX_THREADS = 300;

    private final DemoProperties properties;
    private final WorkspaceService workspaces;
    private final UserService users;
    private final TeamService teams;
    private final InboxService inboxes;
    private final IngestionService ingestion;
    private final MessageService messages;
    private final ConversationService conversations;
    private final Environment environment;

    DemoWorkspace(DemoProperties properties, WorkspaceService workspaces, UserService users, TeamService teams,
                  InboxService inboxes, IngestionService ingestion, MessageService messages,
                  ConversationService conversations, Environment environment) {
        this.properties = properties;
        this.workspaces = workspaces;
        this.users = users;
        this.teams = teams;
        this.inboxes = inboxes;
        this.ingestion = ingestion;
        this.messages = messages;
        this.conversations = conversations;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        String url = environment.getProperty("conversa.base-url", "http://localhost:8080");
        if (!properties.enabled()) {
            log.info("Conversa is running at {}", url);
            return;
        }
        if (workspaces.findBySlug(SLUG).isEmpty()) {
            Thread.ofVirtual().name("demo-loader").start(() -> create(SLUG, threads()));
        }
        log.info("Conversa is running at {} | demo login: {} / {}", url, LOGIN, PASSWORD);
    }

    /** Creates a demo workspace; its people sign in as {@code ana@<slug>.conversa.local} and so on. */
    Workspace create(String slug, List<DemoThread> threads) {
        try {
            long started = System.nanoTime();
            Workspace ws = workspaces.createUnchecked(slug, "Demo · Customer care", "Europe/Madrid", "es", null);
            String domain = "@" + slug + ".conversa.local";
            List<UserAccount> agents = new ArrayList<>();
            agents.add(users.insert(ws.id(), "ana" + domain, "Ana García", Role.ADMIN, PASSWORD, null));
            agents.add(users.insert(ws.id(), "luis" + domain, "Luis Romero", Role.SUPERVISOR, PASSWORD, null));
            agents.add(users.insert(ws.id(), "marta" + domain, "Marta Ruiz", Role.AGENT, PASSWORD, null));
            agents.add(users.insert(ws.id(), "tom" + domain, "Tom Baker", Role.AGENT, PASSWORD, null));
            Actor admin = new Actor(agents.get(0).id(), ws.id(), Role.ADMIN, agents.get(0).name(), null);
            teams.create("Social", "Twitter/X, Facebook, Instagram", List.of(agents.get(0).id(), agents.get(2).id()), admin);
            teams.create("Support", "Email, chat, SMS and phone", List.of(agents.get(1).id(), agents.get(3).id()), admin);
            Map<ChannelType, Inbox> byChannel = new HashMap<>();
            for (ChannelType type : List.of(ChannelType.TWITTER, ChannelType.EMAIL, ChannelType.WEBCHAT, ChannelType.SMS,
                    ChannelType.API)) {
                byChannel.put(type, inboxes.createUnchecked(ws.id(), "Demo " + type.name().toLowerCase(), type, Map.of(),
                        Map.of(), null));
            }
            int loaded = 0;
            for (DemoThread thread : threads) {
                load(ws.id(), thread, byChannel, agents, loaded);
                loaded++;
            }
            log.info("Demo workspace loaded: {} conversations in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
            return ws;
        } catch (RuntimeException e) {
            log.error("Could not create the demo workspace", e);
            throw e;
        }
    }

    List<DemoThread> threads() {
        return threads(Path.of(properties.dataDir() == null ? "../shared/data" : properties.dataDir()));
    }

    static List<DemoThread> threads(Path dataDir) {
        Path csv = dataDir.resolve(Path.of("support", "twcs", "twcs_head5000.csv"));
        if (Files.isReadable(csv)) {
            try {
                List<DemoThread> real = TwcsThreads.read(csv, MAX_THREADS);
                Instant newest = real.stream().flatMap(t -> t.posts().stream()).map(DemoThread.Post::at).max(Instant::compareTo)
                        .orElse(Instant.now());
                // The sample is from 2017: move it so the newest message is a few minutes old.
                Duration shift = Duration.between(newest, Instant.now().minus(Duration.ofMinutes(3)));
                return real.stream().map(t -> new DemoThread(t.brand(), t.customerHandle(), t.customerName(), t.channel(),
                        t.posts().stream().map(p -> new DemoThread.Post(p.externalId(), p.fromCustomer(), p.text(),
                                p.at().plus(shift))).toList())).toList();
            } catch (Exception e) {
                log.warn("Could not read {}; using the built-in demo threads", csv, e);
            }
        }
        return BuiltInThreads.all(Instant.now());
    }

    private void load(long ws, DemoThread thread, Map<ChannelType, Inbox> inboxes, List<UserAccount> agents, int n) {
        ChannelType channel = ChannelType.valueOf(thread.channel());
        Inbox inbox = inboxes.get(channel);
        NewIdentity author = channel == ChannelType.EMAIL
                ? new NewIdentity(IdentityKind.EMAIL, thread.customerHandle().replaceAll("[^A-Za-z0-9._-]", "")
                        + "@example.com", thread.customerName(), null, null, null, null)
                : channel == ChannelType.SMS
                ? new NewIdentity(IdentityKind.PHONE, thread.customerHandle().startsWith("+") ? thread.customerHandle()
                        : "+3460" + String.format("%07d", Math.abs(thread.customerHandle().hashCode()) % 10_000_000),
                        thread.customerName(), null, null, null, null)
                : channel == ChannelType.WEBCHAT
                ? new NewIdentity(IdentityKind.WEBCHAT, "visitor-" + thread.customerHandle(), thread.customerName(),
                        null, null, null, null)
                : new NewIdentity(IdentityKind.TWITTER, thread.customerHandle(), thread.customerName(),
                        "@" + thread.customerHandle().replace("@", ""), null,
                        "https://x.com/" + thread.customerHandle().replace("@", ""), null);
        Visibility visibility = channel == ChannelType.TWITTER ? Visibility.PUBLIC : Visibility.PRIVATE;
        UserAccount agent = agents.get(n % agents.size());
        Long conversationId = null;
        for (DemoThread.Post post : thread.posts()) {
            if (post.fromCustomer()) {
                IngestResult r = ingestion.receive(ws, inbox.id(), new InboundMessage(post.externalId(),
                        "demo-thread-" + thread.posts().get(0).externalId(), author,
                        channel == ChannelType.EMAIL ? subjectOf(post.text()) : null, post.text(), visibility, List.of(),
                        post.at()));
                conversationId = r.conversationId();
            } else if (conversationId != null) {
                messages.recordSent(ws, conversationId, post.text(), visibility, agent.id(), post.externalId(), post.at());
            }
        }
        if (conversationId == null) {
            return;
        }
        Actor actor = new Actor(agent.id(), ws, agent.role(), agent.name(), null);
        boolean answered = !thread.posts().get(thread.posts().size() - 1).fromCustomer();
        if (answered || n % 3 == 0) {
            conversations.assign(conversationId, agent.id(), null, "demo", actor);
        }
        if (answered && n % 2 == 0) {
            conversations.changeStatus(conversationId, ConversationStatus.RESOLVED, null, actor);
        }
    }

    private static String subjectOf(String text) {
        String clean = text.replaceAll("@\\S+", "").strip();
        return clean.length() > 60 ? clean.substring(0, 57) + "..." : clean;
    }
}
