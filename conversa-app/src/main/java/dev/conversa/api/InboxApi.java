package dev.conversa.api;

import dev.conversa.channel.IngestResult;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inboxes")
@Tag(name = "Inboxes", description = "Channel accounts, and the inbound door for API-channel messages")
class InboxApi {
    private final InboxService inboxes;
    private final IngestionService ingestion;

    InboxApi(InboxService inboxes, IngestionService ingestion) {
        this.inboxes = inboxes;
        this.ingestion = ingestion;
    }

    record InboxInput(@NotBlank String name, @NotNull ChannelType channel, Map<String, String> settings,
                      Map<String, String> secrets) {
    }

    record InboxPatch(String name, Map<String, String> settings, Map<String, String> secrets, InboxStatus status) {
    }

    @GetMapping
    List<Inbox> list(Actor actor) {
        return inboxes.list(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Configure a channel account (admins); secrets are stored encrypted and never returned")
    Inbox create(@Valid @RequestBody InboxInput body, Actor actor) {
        return inboxes.create(body.name(), body.channel(), body.settings(), body.secrets(), actor);
    }

    @GetMapping("/{id}")
    Inbox get(@PathVariable long id, Actor actor) {
        return inboxes.get(id, actor);
    }

    @PatchMapping("/{id}")
    Inbox update(@PathVariable long id, @RequestBody InboxPatch body, Actor actor) {
        return inboxes.update(id, body.name(), body.settings(), body.secrets(), body.status(), actor);
    }

    record AuthorInput(@NotNull IdentityKind kind, @NotBlank String value, String name, String handle, String avatarUrl,
                       String profileUrl, Long followerCount) {
    }

    record AttachmentInput(@NotBlank String fileName, @NotBlank String contentType, @PositiveOrZero long sizeBytes,
                           String url) {
    }

    record InboundInput(@Size(max = 500) String externalId, @Size(max = 500) String threadKey, @NotNull @Valid AuthorInput from,
                        String subject, String body, Visibility visibility, List<@Valid AttachmentInput> attachments,
                        Instant occurredAt) {
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Ingest a customer's message into this inbox; idempotent by externalId (200 when already stored)")
    ResponseEntity<IngestResult> ingest(@PathVariable long id, @Valid @RequestBody InboundInput body, Actor actor) {
        var author = new NewIdentity(body.from().kind(), body.from().value(), body.from().name(), body.from().handle(),
                body.from().avatarUrl(), body.from().profileUrl(), body.from().followerCount());
        List<Attachment> attachments = body.attachments() == null ? List.of() : body.attachments().stream()
                .map(a -> new Attachment(a.fileName(), a.contentType(), a.sizeBytes(), a.url())).toList();
        IngestResult result = ingestion.receive(actor.workspace(), id, new InboundMessage(body.externalId(), body.threadKey(),
                author, body.subject(), body.body(), body.visibility(), attachments, body.occurredAt()));
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }
}
