package dev.conversa.web;

import dev.conversa.conversation.InboxQuery;
import dev.conversa.customer.Customer;
import dev.conversa.customer.CustomerMergeService;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The customer panel's model: profile, identities, attributes, notes, undoable merges and the full history. */
@Component
class CustomerPanel {
    static final int HISTORY = 100;

    private final CustomerService customers;
    private final CustomerMergeService merges;
    private final InboxQuery inbox;

    CustomerPanel(CustomerService customers, CustomerMergeService merges, InboxQuery inbox) {
        this.customers = customers;
        this.merges = merges;
        this.inbox = inbox;
    }

    void addTo(Model model, long customerId, Actor actor) {
        Customer customer = customers.get(customerId, actor);
        model.addAttribute("customer", customer);
        model.addAttribute("customerNotes", customers.notes(customerId, actor));
        model.addAttribute("merges", merges.undoable(customerId, actor));
        model.addAttribute("history", inbox.customerHistory(customerId, HISTORY, actor));
    }
}
