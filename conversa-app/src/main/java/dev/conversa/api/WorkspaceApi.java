package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.IssuedToken;
import dev.conversa.workspace.UserAccount;
import dev.conversa.workspace.UserService;
import dev.conversa.workspace.Workspace;
import dev.conversa.workspace.WorkspaceService;
import dev.conversa.workspace.ApiTokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspaces")
@Tag(name = "Workspaces", description = "Tenants: brands, or clients of an outsourcing contact center")
class WorkspaceApi {
    private final WorkspaceService workspaces;
    private final UserService users;
    private final ApiTokenService tokens;

    WorkspaceApi(WorkspaceService workspaces, UserService users, ApiTokenService tokens) {
        this.workspaces = workspaces;
        this.users = users;
        this.tokens = tokens;
    }

    record AdminInput(@NotBlank @Email String email, @NotBlank String name, String password) {
    }

    record CreateWorkspace(@NotBlank String slug, @NotBlank String name, String timeZone, String defaultLocale,
                           @Valid AdminInput admin) {
    }

    /** The new workspace, its first admin and an admin API token (shown only in this response). */
    record CreatedWorkspace(Workspace workspace, UserAccount admin, IssuedToken adminToken) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a workspace with its first admin and an admin API token (installation admins)")
    CreatedWorkspace create(@Valid @RequestBody CreateWorkspace body, Actor actor) {
        Workspace ws = workspaces.create(body.slug(), body.name(), body.timeZone(), body.defaultLocale(), actor);
        UserAccount admin = body.admin() == null ? null
                : users.create(ws.id(), body.admin().email(), body.admin().name(), Role.ADMIN, body.admin().password(), actor);
        // The token is its own principal (token:admin token), not the admin created beside it.
        IssuedToken token = tokens.issue(ws.id(), "admin token", Role.ADMIN, actor);
        return new CreatedWorkspace(ws, admin, token);
    }

    @GetMapping
    @Operation(summary = "List workspaces: all of them for installation admins, one's own otherwise")
    List<Workspace> list(Actor actor) {
        return workspaces.list(actor);
    }

    @GetMapping("/{id}")
    Workspace get(@PathVariable long id, Actor actor) {
        return workspaces.get(id, actor);
    }

    @PostMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API token for a workspace (installation admins, or the workspace's admins)")
    IssuedToken issueToken(@PathVariable long id, @Valid @RequestBody TokenApi.CreateToken body, Actor actor) {
        return tokens.issue(id, body.name(), body.role(), actor);
    }

    @PostMapping("/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a person to a workspace (installation admins, or the workspace's admins)")
    UserAccount createUser(@PathVariable long id, @Valid @RequestBody UserApi.CreateUser body, Actor actor) {
        return users.create(id, body.email(), body.name(), body.role(), body.password(), actor);
    }
}
