package dev.conversa.channel.webhook;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST access to the dead-letter list (admins): list, read with the raw payload, replay, dismiss. */
@RestController
class DeadLetterApi {
    private final DeadLetters deadLetters;

    DeadLetterApi(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/v1/dead-letters")
    Page<DeadLetter> list(@RequestParam(required = false) Long inboxId, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size, Actor actor) {
        return deadLetters.list(actor, inboxId, Paging.of(page, size));
    }

    @GetMapping("/api/v1/dead-letters/{id}")
    DeadLetter get(@PathVariable long id, Actor actor) {
        return deadLetters.get(actor, id);
    }

    @PostMapping("/api/v1/dead-letters/{id}/replay")
    ResponseEntity<Void> replay(@PathVariable long id, Actor actor) {
        deadLetters.replay(actor, id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/dead-letters/{id}/dismiss")
    ResponseEntity<Void> dismiss(@PathVariable long id, Actor actor) {
        deadLetters.dismiss(actor, id);
        return ResponseEntity.noContent().build();
    }
}
