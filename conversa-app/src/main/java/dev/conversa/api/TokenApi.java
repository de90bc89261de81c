package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.ApiTokenInfo;
import dev.conversa.workspace.ApiTokenService;
import dev.conversa.workspace.IssuedToken;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Tokens for machines; only a hash is stored")
class TokenApi {
    private final ApiTokenService tokens;

    TokenApi(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record CreateToken(@NotBlank String name, Role role) {
    }

    @GetMapping
    List<ApiTokenInfo> list(Actor actor) {
        return tokens.list(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken issue(@Valid @RequestBody CreateToken body, Actor actor) {
        return tokens.issue(actor.workspaceId(), body.name(), body.role(), actor);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Actor actor) {
        tokens.revoke(id, actor);
    }
}
