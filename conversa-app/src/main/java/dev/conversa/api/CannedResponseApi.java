package dev.conversa.api;

import dev.conversa.conversation.CannedResponse;
import dev.conversa.conversation.CannedResponseService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/canned-responses")
@Tag(name = "Canned responses", description = "Prepared answers; {{customer.name}}-style placeholders are filled in the console")
class CannedResponseApi {
    private final CannedResponseService canned;

    CannedResponseApi(CannedResponseService canned) {
        this.canned = canned;
    }

    record CannedInput(String shortcut, String title, String body) {
    }

    @GetMapping
    List<CannedResponse> list(Actor actor) {
        return canned.list(actor);
    }

    @GetMapping("/{id}")
    CannedResponse get(@PathVariable long id, Actor actor) {
        return canned.find(id, actor).orElseThrow(() -> new NotFoundException("canned response", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a canned response (supervisors and admins); 409 when the shortcut exists")
    CannedResponse create(@RequestBody CannedInput body, Actor actor) {
        return canned.create(body.shortcut(), body.title(), body.body(), actor);
    }

    @PutMapping("/{id}")
    CannedResponse update(@PathVariable long id, @RequestBody CannedInput body, Actor actor) {
        return canned.update(id, body.shortcut(), body.title(), body.body(), actor);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Actor actor) {
        canned.delete(id, actor);
    }
}
