package dev.conversa.api;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationFilter;
import dev.conversa.conversation.ConversationNote;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.NewConversation;
import dev.conversa.conversation.Priority;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.workspace.TeamService;
import dev.conversa.workspace.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Cases with their messages, notes, tags, assignment and status")
class ConversationApi {
    private final ConversationService conversations;
    private final MessageService messages;
    private final InboxService inboxes;
    private final CustomerService customers;
    private final UserService users;
    private final TeamService teams;

    ConversationApi(ConversationService conversations, MessageService messages, InboxService inboxes,
                    CustomerService customers, UserService users, TeamService teams) {
        this.conversations = conversations;
        this.messages = messages;
        this.inboxes = inboxes;
        this.customers = customers;
        this.users = users;
        this.teams = teams;
    }

    @GetMapping
    @Operation(summary = "List conversations with filters; assignee=none lists unassigned ones")
    Page<Conversation> list(@RequestParam(required = false) List<ConversationStatus> status,
                            @RequestParam(required = false) Long inboxId, @RequestParam(required = false) ChannelType channel,
                            @RequestParam(required = false) String assignee, @RequestParam(required = false) Long teamId,
                            @RequestParam(required = false) Long customerId, @RequestParam(required = false) String tag,
                            @RequestParam(required = false) Priority priority,
                            @RequestParam(required = false) ConversationFilter.Sort sort,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                            Actor actor) {
        boolean unassigned = "none".equalsIgnoreCase(assignee);
        Long assigneeId = null;
        if (assignee != null && !unassigned) {
            assigneeId = "me".equalsIgnoreCase(assignee) ? actor.userId() : parseId("assignee", assignee);
        }
        var filter = new ConversationFilter(status, inboxId, channel, assigneeId, unassigned, teamId, customerId, tag, priority,
                sort == null ? ConversationFilter.Sort.NEWEST : sort);
        return conversations.list(filter, Paging.of(page, size), actor);
    }

    record OpenInput(@NotNull Long inboxId, @NotNull Long customerId, @Size(max = 1000) String subject, Priority priority,
                     Long teamId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a conversation with a customer on an inbox")
    Conversation open(@Valid @RequestBody OpenInput body, Actor actor) {
        // Ids in a body that are not the caller's workspace's: 400 naming the field (see docs/api.md).
        Inbox inbox = inboxes.find(actor.workspace(), body.inboxId())
                .orElseThrow(() -> new InvalidInputException("inboxId", "no inbox " + body.inboxId() + " in this workspace"));
        if (customers.names(actor.workspace(), java.util.Set.of(body.customerId())).isEmpty()) {
            throw new InvalidInputException("customerId", "no customer " + body.customerId() + " in this workspace");
        }
        requireTeam(body.teamId(), actor);
        return conversations.open(new NewConversation(inbox.id(), inbox.channel(), body.customerId(), body.subject(), null,
                body.priority(), body.teamId()), actor);
    }

    @GetMapping("/{id}")
    Conversation get(@PathVariable long id, Actor actor) {
        return conversations.get(id, actor);
    }

    record ConversationPatch(ConversationStatus status, Instant snoozedUntil, Priority priority) {
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(summary = "Change status (with snoozedUntil for SNOOZED) and/or priority")
    Conversation update(@PathVariable long id, @RequestBody ConversationPatch body, Actor actor) {
        Conversation c = conversations.get(id, actor);
        if (body.status() != null) {
            c = conversations.changeStatus(id, body.status(), body.snoozedUntil(), actor);
        }
        if (body.priority() != null) {
            c = conversations.changePriority(id, body.priority(), actor);
        }
        return c;
    }

    record AssignmentInput(Long assigneeId, Long teamId, @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign or transfer to an agent and/or team, with a reason; both null unassigns")
    Conversation assign(@PathVariable long id, @Valid @RequestBody AssignmentInput body, Actor actor) {
        conversations.get(id, actor);
        if (body.assigneeId() != null) {
            users.person("assigneeId", body.assigneeId(), actor);
        }
        requireTeam(body.teamId(), actor);
        return conversations.assign(id, body.assigneeId(), body.teamId(), body.reason(), actor);
    }

    record TagsInput(@NotNull List<String> tags) {
    }

    @PutMapping("/{id}/tags")
    Conversation tags(@PathVariable long id, @Valid @RequestBody TagsInput body, Actor actor) {
        return conversations.setTags(id, body.tags(), actor);
    }

    @GetMapping("/{id}/messages")
    Page<Message> messages(@PathVariable long id, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size, Actor actor) {
        return messages.list(id, Paging.of(page, size), actor);
    }

    record AttachmentInput(@NotBlank String fileName, @NotBlank String contentType, long sizeBytes, String url) {
    }

    record ReplyInput(@Size(max = MessageService.MAX_BODY) String body, Visibility visibility,
                      List<@Valid AttachmentInput> attachments) {
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply on the conversation's own channel, publicly or privately; delivered asynchronously")
    Message reply(@PathVariable long id, @Valid @RequestBody ReplyInput body, Actor actor) {
        List<Attachment> attachments = body.attachments() == null ? List.of() : body.attachments().stream()
                .map(a -> new Attachment(a.fileName(), a.contentType(), a.sizeBytes(), a.url())).toList();
        return messages.reply(id, body.body(), body.visibility(), attachments, actor);
    }

    record NoteInput(@NotBlank @Size(max = 20000) String body) {
    }

    @GetMapping("/{id}/notes")
    List<ConversationNote> notes(@PathVariable long id, Actor actor) {
        return conversations.notes(id, actor);
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    ConversationNote addNote(@PathVariable long id, @Valid @RequestBody NoteInput body, Actor actor) {
        return conversations.addNote(id, body.body(), actor);
    }

    private void requireTeam(Long teamId, Actor actor) {
        if (teamId != null && teams.find(actor.workspace(), teamId).isEmpty()) {
            throw new InvalidInputException("teamId", "no team " + teamId + " in this workspace");
        }
    }

    private static long parseId(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new dev.conversa.kernel.InvalidInputException(field, "'" + value + "' is not an id, 'me' or 'none'");
        }
    }
}
