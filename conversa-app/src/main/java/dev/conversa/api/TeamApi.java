package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.workspace.Team;
import dev.conversa.workspace.TeamService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams and departments")
class TeamApi {
    private final TeamService teams;

    TeamApi(TeamService teams) {
        this.teams = teams;
    }

    record CreateTeam(@NotBlank String name, String description, List<Long> memberIds) {
    }

    record UpdateTeam(String name, String description, List<Long> memberIds) {
    }

    @GetMapping
    List<Team> list(Actor actor) {
        return teams.list(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Team create(@Valid @RequestBody CreateTeam body, Actor actor) {
        return teams.create(body.name(), body.description(), body.memberIds(), actor);
    }

    @GetMapping("/{id}")
    Team get(@PathVariable long id, Actor actor) {
        return teams.get(id, actor);
    }

    @PatchMapping("/{id}")
    Team update(@PathVariable long id, @RequestBody UpdateTeam body, Actor actor) {
        return teams.update(id, body.name(), body.description(), body.memberIds(), actor);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Actor actor) {
        teams.delete(id, actor);
    }
}
