package dev.conversa.api;

import dev.conversa.audit.AuditEntry;
import dev.conversa.audit.AuditLog;
import dev.conversa.conversation.ConversationService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tags and audit")
class TagApi {
    private final ConversationService conversations;
    private final AuditLog audit;

    TagApi(ConversationService conversations, AuditLog audit) {
        this.conversations = conversations;
        this.audit = audit;
    }

    @GetMapping("/api/v1/tags")
    List<String> tags(Actor actor) {
        return conversations.allTags(actor);
    }

    @GetMapping("/api/v1/audit")
    Page<AuditEntry> audit(@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
                           @RequestParam(required = false) String subjectId, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size, Actor actor) {
        return audit.list(action, subjectType, subjectId, Paging.of(page, size), actor);
    }
}
