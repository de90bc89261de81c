package dev.conversa.conversation;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The life of a conversation: open, list, assign, change status and priority, tag, annotate. */
@Service
public class ConversationService {
    static final int MAX_TAGS = 50;

    private final ConversationRepository repository;
    private final ApplicationEventPublisher events;

    ConversationService(ConversationRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional
    public Conversation open(NewConversation input, Actor actor) {
        long ws = actor.workspace();
        long id = repository.insert(ws, input.inboxId(), input.channel(), input.customerId(), blankToNull(input.subject()),
                blankToNull(input.threadKey()), input.priority() == null ? Priority.NORMAL : input.priority(), input.teamId(),
                Instant.now());
        events.publishEvent(new ConversationEvents.ConversationOpened(ws, id, input.inboxId(), input.channel(),
                input.customerId(), actor.userId()));
        return get(id, actor);
    }

    public Conversation get(long id, Actor actor) {
        return find(actor.workspace(), id).orElseThrow(() -> new NotFoundException("conversation", id));
    }

    public Optional<Conversation> find(long workspaceId, long id) {
        return repository.find(workspaceId, id);
    }

    /**
     * The conversation a new message on this thread belongs to: the latest one not closed. Read for every inbound
     * message, so its tags are not loaded (the list is empty): use {@link #find} for the whole conversation.
     */
    public Optional<Conversation> findActiveByThread(long workspaceId, long inboxId, String threadKey) {
        return repository.findActiveByThread(workspaceId, inboxId, threadKey);
    }

    public Page<Conversation> list(ConversationFilter filter, Paging paging, Actor actor) {
        long ws = actor.workspace();
        return new Page<>(repository.list(ws, filter, paging.size(), paging.offset()), paging.page(), paging.size(),
                repository.count(ws, filter));
    }

    /**
     * Assigns to an agent and/or a team, or unassigns with both {@code null}. The caller checks the ids belong
     * to the workspace. Agents may take a conversation for themselves; moving it to others needs a supervisor
     * unless it is theirs.
     */
    @Transactional
    public Conversation assign(long id, Long assigneeId, Long teamId, String reason, Actor actor) {
        Conversation c = get(id, actor);
        boolean takesItSelf = assigneeId != null && assigneeId.equals(actor.userId());
        boolean owns = c.assigneeId() != null && c.assigneeId().equals(actor.userId());
        if (!takesItSelf && !owns && c.assigneeId() != null) {
            actor.require(Role.SUPERVISOR);
        }
        repository.updateAssignment(c.workspaceId(), id, assigneeId, teamId);
        events.publishEvent(new ConversationEvents.ConversationAssigned(c.workspaceId(), id, assigneeId, teamId,
                blankToNull(reason), actor.userId()));
        return get(id, actor);
    }

    @Transactional
    public Conversation changeStatus(long id, ConversationStatus status, Instant snoozedUntil, Actor actor) {
        Conversation c = get(id, actor);
        if (status == null) {
            throw new InvalidInputException("status", "status is required");
        }
        if (status == ConversationStatus.SNOOZED && (snoozedUntil == null || !snoozedUntil.isAfter(Instant.now()))) {
            throw new InvalidInputException("snoozedUntil", "snoozing needs a time in the future");
        }
        if (status == c.status() && status != ConversationStatus.SNOOZED) {
            return c;
        }
        boolean done = status == ConversationStatus.RESOLVED || status == ConversationStatus.CLOSED;
        Instant now = Instant.now();
        repository.updateStatus(c.workspaceId(), id, status,
                done ? (c.resolvedAt() != null && c.status() == ConversationStatus.RESOLVED ? c.resolvedAt() : now) : null,
                status == ConversationStatus.SNOOZED ? snoozedUntil : null);
        events.publishEvent(new ConversationEvents.StatusChanged(c.workspaceId(), id, c.status(), status, actor.userId(), now));
        return get(id, actor);
    }

    @Transactional
    public Conversation changePriority(long id, Priority priority, Actor actor) {
        Conversation c = get(id, actor);
        if (priority == null) {
            throw new InvalidInputException("priority", "priority is required");
        }
        if (priority != c.priority()) {
            repository.updatePriority(c.workspaceId(), id, priority);
            events.publishEvent(new ConversationEvents.PriorityChanged(c.workspaceId(), id, c.priority(), priority, actor.userId()));
        }
        return get(id, actor);
    }

    /** Replaces the tags; tags are trimmed, lowercased and de-duplicated. */
    @Transactional
    public Conversation setTags(long id, List<String> tags, Actor actor) {
        Conversation c = get(id, actor);
        List<String> clean = normalizeTags(tags);
        repository.replaceTags(c.workspaceId(), id, clean);
        events.publishEvent(new ConversationEvents.TagsChanged(c.workspaceId(), id, clean, actor.userId()));
        return get(id, actor);
    }

    public List<String> allTags(Actor actor) {
        return repository.allTags(actor.workspace());
    }

    @Transactional
    public ConversationNote addNote(long id, String body, Actor actor) {
        Conversation c = get(id, actor);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "a note needs some text");
        }
        long noteId = repository.insertNote(c.workspaceId(), id, actor.userId(), body.strip());
        events.publishEvent(new ConversationEvents.NoteAdded(c.workspaceId(), id, noteId, actor.userId()));
        return repository.notes(c.workspaceId(), id).stream().filter(n -> n.id() == noteId).findFirst().orElseThrow();
    }

    /**
     * Adds agents' handling time to the case (a phone call's talk time when it ends), so handle-time figures count
     * calls as well as written work.
     */
    @Transactional
    public void addHandleTime(long workspaceId, long conversationId, int seconds) {
        if (seconds > 0) {
            repository.addHandleTime(workspaceId, conversationId, seconds);
        }
    }

    public List<ConversationNote> notes(long id, Actor actor) {
        Conversation c = get(id, actor);
        return repository.notes(c.workspaceId(), id);
    }

    /** The open conversations whose customer waits for an answer, counted per inbox and team (wallboard). */
    public List<WaitingCount> waiting(Actor actor) {
        return repository.waiting(actor.workspace());
    }

    static List<String> normalizeTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        var out = new LinkedHashSet<String>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            String t = tag.strip().toLowerCase(Locale.ROOT);
            if (t.length() > 100) {
                throw new InvalidInputException("tags", "tags have at most 100 characters");
            }
            out.add(t);
        }
        if (out.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
