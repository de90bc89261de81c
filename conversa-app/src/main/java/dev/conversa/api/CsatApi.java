package dev.conversa.api;

import dev.conversa.csat.CsatReport;
import dev.conversa.csat.CsatService;
import dev.conversa.csat.CsatSettings;
import dev.conversa.csat.CsatSurvey;
import dev.conversa.kernel.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/csat")
@Tag(name = "CSAT", description = "Satisfaction surveys after resolution and their figures")
class CsatApi {
    private final CsatService csat;

    CsatApi(CsatService csat) {
        this.csat = csat;
    }

    @GetMapping("/settings")
    CsatSettings settings(Actor actor) {
        return csat.settings(actor);
    }

    @PutMapping("/settings")
    CsatSettings configure(@RequestBody CsatSettings body, Actor actor) {
        return csat.configure(body, actor);
    }

    @GetMapping("/conversations/{id}")
    List<CsatSurvey> forConversation(@PathVariable long id, Actor actor) {
        return csat.forConversation(id, actor);
    }

    @GetMapping("/report")
    CsatReport report(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to, Actor actor) {
        return csat.report(from, to, actor);
    }
}
