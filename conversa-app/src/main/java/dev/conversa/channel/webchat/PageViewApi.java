package dev.conversa.channel.webchat;

import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The pages a customer visited on the company's site (reported by the widget), newest first, for the customer panel. */
@RestController
class PageViewApi {
    private final WebchatVisitors visitors;
    private final CustomerService customers;

    PageViewApi(WebchatVisitors visitors, CustomerService customers) {
        this.visitors = visitors;
        this.customers = customers;
    }

    @GetMapping("/api/v1/customers/{id}/page-views")
    List<WebchatVisitors.PageView> pageViews(@PathVariable long id, Actor actor) {
        customers.get(id, actor);
        return visitors.pageViews(actor.workspace(), id, 100);
    }
}
