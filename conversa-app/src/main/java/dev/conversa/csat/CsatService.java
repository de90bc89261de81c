package dev.conversa.csat;

import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.UserService;
import dev.conversa.workspace.TeamService;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends surveys after resolution, takes the answers from the public page, and reports on them. */
@Service
public class CsatService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CsatStore store;
    private final ConversationService conversations;
    private final MessageService messages;
    private final CustomerService customers;
    private final UserService users;
    private final TeamService teams;
    private final String baseUrl;

    CsatService(CsatStore store, ConversationService conversations, MessageService messages, CustomerService customers,
                UserService users, TeamService teams, @Value("${conversa.base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.conversations = conversations;
        this.messages = messages;
        this.customers = customers;
        this.users = users;
        this.teams = teams;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Transactional
    public CsatSettings configure(CsatSettings settings, Actor actor) {
        actor.require(Role.ADMIN);
        store.saveSettings(actor.workspace(), settings);
        return settings;
    }

    public CsatSettings settings(Actor actor) {
        return store.settings(actor.workspace()).orElse(new CsatSettings(false, false, false));
    }

    /**
     * Sends the survey for a just-resolved conversation on its own channel, once per resolution, if the
     * workspace has surveys on.
     */
    @Transactional
    void sendAfterResolution(long ws, long conversationId) {
        Optional<CsatSettings> settings = store.settings(ws).filter(CsatSettings::enabled);
        Conversation c = conversations.find(ws, conversationId).orElse(null);
        if (settings.isEmpty() || c == null) {
            return;
        }
        Actor system = Actor.system(ws);
        String locale = customers.get(c.customerId(), system).locale();
        String language = CsatTexts.language(locale, c.language());
        String token = token();
        long id = store.insert(ws, c.id(), token, c.channel().name(), c.assigneeId(), c.teamId(), language,
                settings.get().askNps(), settings.get().askCes(), Instant.now());
        String link = baseUrl + "/widget/csat/" + token;
        Message m = messages.reply(c.id(), CsatTexts.of(language).get("message").formatted(link), Visibility.PRIVATE, null,
                system);
        store.setMessage(id, m.id());
    }

    /** The survey behind a public link, with the texts in its language. */
    Optional<CsatStore.Row> survey(String token) {
        return store.byToken(token);
    }

    /** Stores the customer's answer; a second answer to the same survey is refused. */
    @Transactional
    boolean answer(String token, Integer score, String comment, Integer nps, Integer ces) {
        CsatStore.Row row = store.byToken(token).orElseThrow(() -> new NotFoundException("survey", "link"));
        if (score == null || score < 1 || score > 5) {
            throw new InvalidInputException("score", "score is 1 to 5");
        }
        if (nps != null && (nps < 0 || nps > 10) || !row.survey().askNps() && nps != null) {
            throw new InvalidInputException("nps", "nps is 0 to 10");
        }
        if (ces != null && (ces < 1 || ces > 7) || !row.survey().askCes() && ces != null) {
            throw new InvalidInputException("ces", "ces is 1 to 7");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            text = text.substring(0, 2000);
        }
        return store.answer(token, score, text, nps, ces, Instant.now());
    }

    /** The surveys of one conversation with their answers. */
    public List<CsatSurvey> forConversation(long conversationId, Actor actor) {
        conversations.get(conversationId, actor);
        return store.forConversation(actor.workspace(), conversationId);
    }

    /** Figures per agent, team and channel for surveys sent in {@code [from, to)}. */
    public CsatReport report(Instant from, Instant to, Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        List<CsatSurvey> all = store.all(ws, from == null ? Instant.EPOCH : from, to == null ? Instant.now().plusSeconds(1) : to);
        Map<Long, String> agentNames = new TreeMap<>();
        all.stream().map(CsatSurvey::agentId).filter(a -> a != null).distinct()
                .forEach(a -> agentNames.put(a, users.find(ws, a).map(u -> u.name()).orElse("user " + a)));
        Map<Long, String> teamNames = new TreeMap<>();
        all.stream().map(CsatSurvey::teamId).filter(t -> t != null).distinct()
                .forEach(t -> teamNames.put(t, teams.find(ws, t).map(x -> x.name()).orElse("team " + t)));
        return new CsatReport(figures("all", all),
                group(all, s -> s.agentId() == null ? null : s.agentId() + ":" + agentNames.get(s.agentId())),
                group(all, s -> s.teamId() == null ? null : s.teamId() + ":" + teamNames.get(s.teamId())),
                group(all, CsatSurvey::channel));
    }

    private static List<CsatFigures> group(List<CsatSurvey> all, Function<CsatSurvey, String> key) {
        return all.stream().filter(s -> key.apply(s) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> figures(e.getKey(), e.getValue())).toList();
    }

    static CsatFigures figures(String key, List<CsatSurvey> surveys) {
        List<CsatSurvey> answered = surveys.stream().filter(s -> s.score() != null).toList();
        Double avg = answered.isEmpty() ? null : round(answered.stream().mapToInt(CsatSurvey::score).average().orElseThrow());
        Double satisfied = answered.isEmpty() ? null
                : round(100.0 * answered.stream().filter(s -> s.score() >= 4).count() / answered.size());
        List<Integer> nps = answered.stream().map(CsatSurvey::nps).filter(n -> n != null).toList();
        Double npsScore = nps.isEmpty() ? null
                : round(100.0 * (nps.stream().filter(n -> n >= 9).count() - nps.stream().filter(n -> n <= 6).count()) / nps.size());
        List<Integer> ces = answered.stream().map(CsatSurvey::ces).filter(n -> n != null).toList();
        Double cesAvg = ces.isEmpty() ? null : round(ces.stream().mapToInt(Integer::intValue).average().orElseThrow());
        return new CsatFigures(key, surveys.size(), answered.size(), avg, satisfied, npsScore, cesAvg);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
