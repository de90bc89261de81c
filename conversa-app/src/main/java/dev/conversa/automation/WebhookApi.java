package dev.conversa.automation;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for the automation webhooks' delivery log, dead letters and signing secret (admins only). */
@RestController
@RequestMapping("/api/v1/automation")
@Tag(name = "Automation")
class WebhookApi {
    private final WebhookLog webhooks;

    WebhookApi(WebhookLog webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/webhooks")
    @Operation(summary = "Webhooks rules queued, newest first (filter by status, ruleId)")
    Page<WebhookDelivery> list(@RequestParam(required = false) WebhookStatus status,
                               @RequestParam(required = false) Long ruleId, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size, Actor actor) {
        return webhooks.list(status, ruleId, Paging.of(page, size), actor);
    }

    @GetMapping("/webhooks/dead-letters")
    @Operation(summary = "Webhooks whose every attempt failed; replay them once the receiver is fixed")
    Page<WebhookDelivery> deadLetters(@RequestParam(required = false) Long ruleId, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size, Actor actor) {
        return webhooks.list(WebhookStatus.DEAD, ruleId, Paging.of(page, size), actor);
    }

    @GetMapping("/webhooks/{id}")
    WebhookDelivery get(@PathVariable long id, Actor actor) {
        return webhooks.get(id, actor);
    }

    @GetMapping("/webhooks/{id}/attempts")
    @Operation(summary = "The delivery log of one webhook: time, status code, latency, error of each attempt")
    List<WebhookAttempt> attempts(@PathVariable long id, Actor actor) {
        return webhooks.attempts(id, actor);
    }

    @PostMapping("/webhooks/{id}/replay")
    @Operation(summary = "Queue a DEAD webhook again for a fresh series of attempts; answers it, PENDING")
    WebhookDelivery replay(@PathVariable long id, Actor actor) {
        return webhooks.replay(id, actor);
    }

    @GetMapping("/webhook-secret")
    @Operation(summary = "The workspace's signing secret (created on first use) that receivers verify signatures with")
    WebhookSecret secret(Actor actor) {
        return webhooks.secret(actor);
    }

    @PostMapping("/webhook-secret")
    @Operation(summary = "Replace the signing secret; webhooks sent from now on are signed with the new one")
    WebhookSecret rotateSecret(Actor actor) {
        return webhooks.rotateSecret(actor);
    }
}
