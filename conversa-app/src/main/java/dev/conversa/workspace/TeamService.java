package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and departments, and who belongs to them. */
@Service
public class TeamService {
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TeamService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Team create(String name, String description, List<Long> memberIds, Actor actor) {
        actor.require(Role.ADMIN);
        long ws = actor.workspace();
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        if (findByName(ws, name.strip()).isPresent()) {
            throw new ConflictException("name", "a team named '" + name.strip() + "' already exists");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO team (workspace_id, name, description, created_at) VALUES (?, ?, ?, ?)")
                .params(ws, name.strip(), description, Sql.ts(Instant.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        replaceMembers(ws, id, memberIds);
        events.publishEvent(new WorkspaceEvents.TeamChanged(ws, id, "created", actor.userId()));
        return get(id, actor);
    }

    @Transactional
    public Team update(long id, String name, String description, List<Long> memberIds, Actor actor) {
        actor.require(Role.SUPERVISOR);
        Team team = get(id, actor);
        if (name != null && !name.isBlank() && !name.strip().equals(team.name())) {
            actor.require(Role.ADMIN);
            if (findByName(team.workspaceId(), name.strip()).isPresent()) {
                throw new ConflictException("name", "a team named '" + name.strip() + "' already exists");
            }
        }
        jdbc.sql("UPDATE team SET name = ?, description = ? WHERE id = ? AND workspace_id = ?")
                .params(name == null || name.isBlank() ? team.name() : name.strip(),
                        description == null ? team.description() : description, id, team.workspaceId())
                .update();
        if (memberIds != null) {
            replaceMembers(team.workspaceId(), id, memberIds);
        }
        events.publishEvent(new WorkspaceEvents.TeamChanged(team.workspaceId(), id, "updated", actor.userId()));
        return get(id, actor);
    }

    @Transactional
    public void delete(long id, Actor actor) {
        actor.require(Role.ADMIN);
        Team team = get(id, actor);
        jdbc.sql("DELETE FROM team_member WHERE team_id = ?").param(id).update();
        jdbc.sql("DELETE FROM team WHERE id = ? AND workspace_id = ?").params(id, team.workspaceId()).update();
        events.publishEvent(new WorkspaceEvents.TeamChanged(team.workspaceId(), id, "deleted", actor.userId()));
    }

    public List<Team> list(Actor actor) {
        long ws = actor.workspace();
        Map<Long, List<Long>> members = jdbc.sql("""
                SELECT m.team_id, m.user_id FROM team_member m JOIN team t ON t.id = m.team_id
                WHERE t.workspace_id = ? ORDER BY m.user_id""").param(ws)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().stream()
                .collect(Collectors.groupingBy(p -> p[0], Collectors.mapping(p -> p[1], Collectors.toList())));
        return jdbc.sql("SELECT * FROM team WHERE workspace_id = ? ORDER BY name").param(ws)
                .query((rs, n) -> new Team(rs.getLong("id"), ws, rs.getString("name"), rs.getString("description"),
                        members.getOrDefault(rs.getLong("id"), List.of()), Sql.instant(rs, "created_at")))
                .list();
    }

    public Team get(long id, Actor actor) {
        return find(actor.workspace(), id).orElseThrow(() -> new NotFoundException("team", id));
    }

    public Optional<Team> find(long workspaceId, long id) {
        List<Long> members = jdbc.sql("SELECT user_id FROM team_member WHERE team_id = ? ORDER BY user_id").param(id)
                .query(Long.class).list();
        return jdbc.sql("SELECT * FROM team WHERE id = ? AND workspace_id = ?").params(id, workspaceId)
                .query((rs, n) -> new Team(rs.getLong("id"), workspaceId, rs.getString("name"),
                        rs.getString("description"), members, Sql.instant(rs, "created_at")))
                .optional();
    }

    /** The teams a person belongs to, for "my teams" views and routing. */
    public List<Long> teamsOf(long workspaceId, long userId) {
        return jdbc.sql("""
                SELECT m.team_id FROM team_member m JOIN team t ON t.id = m.team_id
                WHERE t.workspace_id = ? AND m.user_id = ? ORDER BY m.team_id""").params(workspaceId, userId)
                .query(Long.class).list();
    }

    private Optional<Long> findByName(long ws, String name) {
        return jdbc.sql("SELECT id FROM team WHERE workspace_id = ? AND name = ?").params(ws, name)
                .query(Long.class).optional();
    }

    private void replaceMembers(long ws, long teamId, List<Long> memberIds) {
        jdbc.sql("DELETE FROM team_member WHERE team_id = ?").param(teamId).update();
        if (memberIds == null) {
            return;
        }
        for (Long userId : new LinkedHashSet<>(memberIds)) {
            boolean inWorkspace = userId != null && jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = ? AND workspace_id = ? AND kind = 'PERSON'")
                    .params(userId, ws).query(Long.class).single() > 0;
            if (!inWorkspace) {
                throw new InvalidInputException("memberIds", "no person " + userId + " in this workspace");
            }
            jdbc.sql("INSERT INTO team_member (team_id, user_id) VALUES (?, ?)").params(teamId, userId).update();
        }
    }
}
