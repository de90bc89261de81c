package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.AgentStatus;
import dev.conversa.workspace.UserAccount;
import dev.conversa.workspace.UserService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Agents, supervisors and admins of the workspace; agent status")
class UserApi {
    private final UserService users;

    UserApi(UserService users) {
        this.users = users;
    }

    @GetMapping
    Page<UserAccount> list(@RequestParam(required = false) Role role, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size, Actor actor) {
        return users.list(actor, role, Paging.of(page, size));
    }

    @GetMapping("/me")
    UserAccount me(Actor actor) {
        if (actor.userId() == null) {
            throw new NotFoundException("user", "me");
        }
        return users.findById(actor.userId()).orElseThrow(() -> new NotFoundException("user", actor.userId()));
    }

    record CreateUser(@NotBlank @Email String email, @NotBlank String name, @NotNull Role role, String password) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserAccount create(@Valid @RequestBody CreateUser body, Actor actor) {
        return users.create(actor.workspace(), body.email(), body.name(), body.role(), body.password(), actor);
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id, Actor actor) {
        return users.get(id, actor);
    }

    record UpdateUser(String name, Role role, Boolean active, String locale, String password) {
    }

    @PatchMapping("/{id}")
    UserAccount update(@PathVariable long id, @RequestBody UpdateUser body, Actor actor) {
        if (body.password() != null) {
            users.changePassword(id, body.password(), actor);
        }
        return users.update(id, body.name(), body.role(), body.active(), body.locale(), actor);
    }

    record StatusInput(@NotNull AgentStatus status) {
    }

    @PutMapping("/{id}/status")
    UserAccount status(@PathVariable long id, @Valid @RequestBody StatusInput body, Actor actor) {
        return users.setStatus(id, body.status(), actor);
    }
}
