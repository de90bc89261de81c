package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.mention.Intake;
import dev.conversa.mention.Mention;
import dev.conversa.mention.MentionService;
import dev.conversa.mention.PublicPost;
import dev.conversa.mention.StandingQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Listening", description = "Standing queries over the public stream and the mentions they find")
class MentionApi {
    private final MentionService mentions;

    MentionApi(MentionService mentions) {
        this.mentions = mentions;
    }

    record QueryInput(String name, String query) {
    }

    @PostMapping("/api/v1/listening/queries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a standing query (supervisors); a syntax error names its position and what was expected")
    StandingQuery create(@RequestBody QueryInput input, Actor actor) {
        return mentions.createQuery(input.name(), input.query(), actor);
    }

    @GetMapping("/api/v1/listening/queries")
    List<StandingQuery> queries(Actor actor) {
        return mentions.queries(actor);
    }

    @DeleteMapping("/api/v1/listening/queries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop a standing query (supervisors); the mentions it found stay")
    void delete(@PathVariable long id, Actor actor) {
        mentions.deleteQuery(id, actor);
    }

    @PostMapping("/api/v1/listening/posts")
    @Operation(summary = "Deliver a public post: matched against every workspace's standing queries (installation "
            + "admin) or the caller's workspace's (workspace admin); idempotent by source and externalId")
    Intake ingest(@RequestBody PublicPost post, Actor actor) {
        return mentions.ingest(post, actor);
    }

    record CaseInput(Long inboxId) {
    }

    record CaseOpened(long conversationId) {
    }

    @PostMapping("/api/v1/listening/mentions/{id}/conversation")
    @Operation(summary = "Turn a mention into a case on an inbox of its network (or an API inbox); idempotent")
    CaseOpened openCase(@PathVariable long id, @RequestBody CaseInput input, Actor actor) {
        if (input == null || input.inboxId() == null) {
            throw new InvalidInputException("inboxId", "the inbox to open the case on is required");
        }
        return new CaseOpened(mentions.openCase(id, input.inboxId(), actor));
    }

    @GetMapping("/api/v1/listening/mentions")
    Page<Mention> list(@RequestParam(required = false) Long queryId, @RequestParam(required = false) String sentiment,
                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                       Actor actor) {
        return mentions.mentions(queryId, sentiment, Paging.of(page, size), actor);
    }
}
