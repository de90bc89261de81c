package dev.conversa.csat;

import dev.conversa.kernel.InvalidInputException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public survey page the link in the survey message opens; the unguessable token is the only key. */
@Controller
class CsatPage {
    private final CsatService csat;

    CsatPage(CsatService csat) {
        this.csat = csat;
    }

    @GetMapping("/widget/csat/{token}")
    String show(@PathVariable String token, Model model) {
        var row = csat.survey(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        fill(model, token, row.survey(), null);
        return "csat/survey";
    }

    @PostMapping("/widget/csat/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) Integer score,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) Integer nps,
                  @RequestParam(required = false) Integer ces, Model model) {
        var row = csat.survey(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            boolean stored = csat.answer(token, score, comment, nps, ces);
            fill(model, token, row.survey(), stored ? "thanks" : "answered");
        } catch (InvalidInputException e) {
            fill(model, token, row.survey(), null);
            model.addAttribute("error", e.getMessage());
        }
        return "csat/survey";
    }

    private static void fill(Model model, String token, CsatSurvey survey, String done) {
        Map<String, String> t = CsatTexts.of(survey.language());
        model.addAttribute("t", t);
        model.addAttribute("lang", survey.language());
        model.addAttribute("token", token);
        model.addAttribute("survey", survey);
        model.addAttribute("done", done == null ? (survey.answeredAt() != null ? t.get("answered") : null) : t.get(done));
    }
}
