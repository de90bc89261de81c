package dev.conversa.api;

import dev.conversa.automation.Action;
import dev.conversa.automation.AutomationRule;
import dev.conversa.automation.AutomationService;
import dev.conversa.automation.Condition;
import dev.conversa.automation.RuleTestResult;
import dev.conversa.automation.Trigger;
import dev.conversa.kernel.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/automation-rules")
@Tag(name = "Automation", description = "Event + conditions + actions, testable against past conversations")
class AutomationApi {
    private final AutomationService automation;

    AutomationApi(AutomationService automation) {
        this.automation = automation;
    }

    record RuleInput(String name, Trigger trigger, List<Condition> conditions, List<Action> actions, Integer position) {
    }

    @GetMapping
    List<AutomationRule> list(Actor actor) {
        return automation.list(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AutomationRule create(@RequestBody RuleInput b, Actor actor) {
        return automation.create(b.name(), b.trigger(), b.conditions(), b.actions(), b.position(), actor);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Actor actor) {
        automation.delete(id, actor);
    }

    /** Tries an unsaved rule against a past conversation. */
    @PostMapping("/test")
    RuleTestResult testUnsaved(@RequestBody RuleInput b, @RequestParam long conversationId, Actor actor) {
        return automation.test(b.name(), b.trigger(), b.conditions(), b.actions(), conversationId, actor);
    }

    @PostMapping("/{id}/test")
    RuleTestResult test(@PathVariable long id, @RequestParam long conversationId, Actor actor) {
        return automation.test(id, conversationId, actor);
    }

    @GetMapping("/runs")
    List<Map<String, Object>> runs(@RequestParam long conversationId, Actor actor) {
        return automation.runs(conversationId, actor);
    }
}
