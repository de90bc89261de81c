package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.routing.AgentRouting;
import dev.conversa.routing.DecisionLog;
import dev.conversa.kernel.Media;
import dev.conversa.routing.RoutingService;
import dev.conversa.routing.RoutingSettings;
import dev.conversa.routing.SkillRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/routing")
@Tag(name = "Routing", description = "Contact-center model, skills, capacities, rules and explainable decisions")
class RoutingApi {
    private final RoutingService routing;

    RoutingApi(RoutingService routing) {
        this.routing = routing;
    }

    @GetMapping("/settings")
    RoutingSettings settings(Actor actor) {
        return routing.settings(actor);
    }

    @PutMapping("/settings")
    RoutingSettings configure(@RequestBody RoutingSettings body, Actor actor) {
        return routing.configure(body, actor);
    }

    @GetMapping("/agents")
    List<AgentRouting> agents(Actor actor) {
        return routing.agents(actor);
    }

    record AgentInput(Map<String, Integer> skills, Map<Media, Integer> capacity) {
    }

    @PutMapping("/agents/{userId}")
    AgentRouting setAgent(@PathVariable long userId, @RequestBody AgentInput body, Actor actor) {
        return routing.setAgent(userId, body.skills() == null ? Map.of() : body.skills(),
                body.capacity() == null ? Map.of() : body.capacity(), actor);
    }

    record SkillRuleInput(ChannelType channel, String language, String tag, String skill, Integer minLevel, Boolean required) {
    }

    @GetMapping("/skill-rules")
    List<SkillRule> rules(Actor actor) {
        return routing.rules(actor);
    }

    @PostMapping("/skill-rules")
    @ResponseStatus(HttpStatus.CREATED)
    SkillRule addRule(@RequestBody SkillRuleInput body, Actor actor) {
        return routing.addRule(new SkillRule(0, body.channel(), body.language(), body.tag(), body.skill(),
                body.minLevel() == null ? 1 : body.minLevel(), body.required() == null || body.required()), actor);
    }

    @DeleteMapping("/skill-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRule(@PathVariable long id, Actor actor) {
        routing.deleteRule(id, actor);
    }

    record Explanation(long conversationId, String explanation, List<DecisionLog> decisions) {
    }

    @GetMapping("/conversations/{id}")
    Explanation explain(@PathVariable long id, Actor actor) {
        return new Explanation(id, routing.explain(id, actor), routing.decisions(id, actor));
    }
}
