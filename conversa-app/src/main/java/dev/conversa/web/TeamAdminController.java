package dev.conversa.web;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Media;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.routing.AgentRouting;
import dev.conversa.routing.RoutingService;
import dev.conversa.workspace.TeamService;
import dev.conversa.workspace.UserAccount;
import dev.conversa.workspace.UserService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Teams: the workspace's teams with their members (add, change, delete), and each person's routing skills and
 * capacity per media (calls, chats, social, email). Skills and capacities belong to the person in the routing model,
 * so they count in every team the person is in. A refused form comes back with what was typed and the reason next to
 * the field.
 */
@Controller
class TeamAdminController {
    private final TeamService teams;
    private final UserService users;
    private final RoutingService routing;

    TeamAdminController(TeamService teams, UserService users, RoutingService routing) {
        this.teams = teams;
        this.users = users;
        this.routing = routing;
    }

    /** A person's routing line: skills written as {@code name=level, ...}, capacity per media. */
    record AgentRow(UserAccount user, String skills, Map<Media, Integer> capacity) {
    }

    /** What a refused team form had: which form (null: the new one), its fields and chosen members. */
    record TeamForm(Long id, String name, String description, List<Long> memberIds) {
    }

    @GetMapping("/admin/teams")
    String list(Model model, Actor actor) {
        actor.require(Role.ADMIN);
        List<UserAccount> people = users.list(actor, null, Paging.of(0, 200)).items();
        Map<Long, AgentRouting> configured = routing.agents(actor).stream()
                .collect(Collectors.toMap(AgentRouting::userId, Function.identity()));
        model.addAttribute("teams", teams.list(actor));
        model.addAttribute("people", people);
        model.addAttribute("media", Media.values());
        model.addAttribute("agents", people.stream().map(u -> {
            AgentRouting a = configured.get(u.id());
            return new AgentRow(u, a == null ? "" : skills(a.skills()), a == null ? Map.of() : a.capacity());
        }).toList());
        return "admin/teams";
    }

    @PostMapping("/admin/teams")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) List<Long> members, Model model, Actor actor,
                  HttpServletResponse response, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("saved", teams.create(name, description, members(members), actor).name());
            return "redirect:/admin/teams";
        } catch (InvalidInputException | ConflictException e) {
            return refused(model, actor, response, e, new TeamForm(null, name, description, members(members)));
        }
    }

    @PostMapping("/admin/teams/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String description, @RequestParam(required = false) List<Long> members,
                  Model model, Actor actor, HttpServletResponse response, RedirectAttributes flash) {
        try {
            teams.get(id, actor); // another workspace's team is a 404 before its fields are checked
            if (name.isBlank()) {
                throw new InvalidInputException("name", "name is required");
            }
            flash.addFlashAttribute("saved", teams.update(id, name, description, members(members), actor).name());
            return "redirect:/admin/teams#team-" + id;
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (InvalidInputException | ConflictException e) {
            return refused(model, actor, response, e, new TeamForm(id, name, description, members(members)));
        }
    }

    @PostMapping("/admin/teams/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        try {
            String name = teams.get(id, actor).name();
            teams.delete(id, actor);
            flash.addFlashAttribute("deleted", name);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/admin/teams";
    }

    @PostMapping("/admin/teams/agents/{userId}")
    String agent(@PathVariable long userId, @RequestParam(defaultValue = "") String skills,
                 @RequestParam Map<String, String> form, Model model, Actor actor, HttpServletResponse response,
                 RedirectAttributes flash) {
        try {
            UserAccount user = users.get(userId, actor);
            routing.setAgent(userId, parseSkills(skills), capacity(form), actor);
            flash.addFlashAttribute("savedAgent", user.name());
            return "redirect:/admin/teams#agent-" + userId;
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("agentForm", userId);
            model.addAttribute("fieldError", e.field());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("typedSkills", skills);
            return list(model, actor);
        }
    }

    private String refused(Model model, Actor actor, HttpServletResponse response, RuntimeException e, TeamForm typed) {
        response.setStatus(e instanceof ConflictException ? 409 : 400);
        model.addAttribute("teamForm", typed);
        model.addAttribute("fieldError", e instanceof InvalidInputException i ? i.field() : ((ConflictException) e).field());
        model.addAttribute("error", e.getMessage());
        return list(model, actor);
    }

    private static List<Long> members(List<Long> members) {
        return members == null ? List.of() : members;
    }

    static String skills(Map<String, Integer> skills) {
        return skills.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** {@code language:es=5, product:billing=3}; the routing service checks the names and levels. */
    static Map<String, Integer> parseSkills(String text) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            try {
                if (kv.length != 2) {
                    throw new NumberFormatException();
                }
                skills.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("skills", "write skills as name=level, separated by commas (language:es=5, billing=3)");
            }
        }
        return skills;
    }

    /** The capacity fields ({@code capacity.CHAT} and so on); an empty one is 0: the person does not take that media. */
    private static Map<Media, Integer> capacity(Map<String, String> form) {
        Map<Media, Integer> capacity = new EnumMap<>(Media.class);
        for (Media m : Media.values()) {
            String value = form.getOrDefault("capacity." + m.name(), "").strip();
            try {
                capacity.put(m, value.isEmpty() ? 0 : Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("capacity", "capacity is a whole number, 0 to 100 per media");
            }
        }
        return capacity;
    }
}
