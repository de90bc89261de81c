package dev.conversa.web;

import dev.conversa.customer.CustomerChanges;
import dev.conversa.customer.CustomerMerge;
import dev.conversa.customer.CustomerMergeService;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Paging;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer panel: view and edit the profile, notes, merge two customers and undo a merge. */
@Controller
class CustomerController {
    private final CustomerService customers;
    private final CustomerMergeService merges;
    private final CustomerPanel panel;

    CustomerController(CustomerService customers, CustomerMergeService merges, CustomerPanel panel) {
        this.customers = customers;
        this.merges = merges;
        this.panel = panel;
    }

    @GetMapping("/customers/{id}/panel")
    String panel(@PathVariable long id, Actor actor, Model model) {
        panel.addTo(model, id, actor);
        return "console/customer :: panel";
    }

    @PostMapping("/customers/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String email,
                @RequestParam(required = false) String phone, @RequestParam(required = false) String locale,
                @RequestParam(defaultValue = "false") boolean vip, @RequestParam(required = false) String attributeName,
                @RequestParam(required = false) String attributeValue, Actor actor, Model model) {
        Map<String, String> attributes = null;
        if (attributeName != null && !attributeName.isBlank()) {
            attributes = new HashMap<>();
            attributes.put(attributeName.strip(), attributeValue == null ? "" : attributeValue);
        }
        customers.update(id, new CustomerChanges(name, blank(email), blank(phone), null, blank(locale), vip, attributes, null),
                actor);
        return panel(id, actor, model);
    }

    @PostMapping("/customers/{id}/notes")
    String note(@PathVariable long id, @RequestParam String body, Actor actor, Model model) {
        customers.addNote(id, body, actor);
        return panel(id, actor, model);
    }

    /** Candidates to merge with: other customers matching the query. */
    @GetMapping("/customers/{id}/merge-candidates")
    String candidates(@PathVariable long id, @RequestParam(defaultValue = "") String q, Actor actor, Model model) {
        model.addAttribute("customer", customers.get(id, actor));
        model.addAttribute("candidates", q.isBlank() ? java.util.List.of()
                : customers.search(q, new Paging(0, 10), actor).items().stream()
                        .filter(c -> c.id() != id && c.mergedIntoId() == null).toList());
        return "console/customer :: candidates";
    }

    /** Merges {@code other} with this customer; {@code survivor} says which profile stays. */
    @PostMapping("/customers/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long other, @RequestParam(defaultValue = "this") String survivor,
                 Actor actor, Model model) {
        // The path's customer answers 404 if not ours; the form's "other", like any id in a body, a 400 naming it.
        customers.get(id, actor);
        if (customers.names(actor.workspace(), java.util.Set.of(other)).isEmpty()) {
            throw new InvalidInputException("other", "no customer " + other + " in this workspace");
        }
        boolean thisSurvives = !"other".equals(survivor);
        CustomerMerge merge = thisSurvives ? merges.merge(id, other, actor) : merges.merge(other, id, actor);
        return panel(merge.survivorId(), actor, model);
    }

    @PostMapping("/customers/merges/{mergeId}/undo")
    String undo(@PathVariable long mergeId, Actor actor, Model model) {
        CustomerMerge merge = merges.undo(mergeId, actor);
        return panel(merge.survivorId(), actor, model);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
