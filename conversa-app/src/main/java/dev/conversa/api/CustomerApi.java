package dev.conversa.api;

import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationFilter;
import dev.conversa.conversation.ConversationService;
import dev.conversa.customer.Customer;
import dev.conversa.customer.CustomerChanges;
import dev.conversa.customer.CustomerNote;
import dev.conversa.customer.CustomerService;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Profiles, identities on every channel, attributes and notes")
class CustomerApi {
    private final CustomerService customers;
    private final ConversationService conversations;

    CustomerApi(CustomerService customers, ConversationService conversations) {
        this.customers = customers;
        this.conversations = conversations;
    }

    record IdentityInput(@NotNull IdentityKind kind, @NotBlank String value, String displayName, String handle,
                         String avatarUrl, String profileUrl, Long followerCount) {
        NewIdentity toNew() {
            return new NewIdentity(kind, value, displayName, handle, avatarUrl, profileUrl, followerCount);
        }
    }

    record CustomerInput(@NotBlank @Size(max = 200) String name, String email, String phone, String avatarUrl, String locale,
                         Boolean vip, Map<String, String> attributes, List<@Valid IdentityInput> identities) {
    }

    record CustomerPatch(@Size(max = 200) String name, String email, String phone, String avatarUrl, String locale,
                         Boolean vip, Map<String, String> attributes) {
    }

    @GetMapping
    @Operation(summary = "Search customers by name, email, phone or any identity")
    Page<Customer> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size, Actor actor) {
        return customers.search(q, Paging.of(page, size), actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a customer with identities (all stored, or none)")
    Customer create(@Valid @RequestBody CustomerInput body, Actor actor) {
        List<NewIdentity> identities = body.identities() == null ? List.of()
                : body.identities().stream().map(IdentityInput::toNew).toList();
        return customers.create(new CustomerChanges(body.name(), body.email(), body.phone(), body.avatarUrl(), body.locale(),
                body.vip(), body.attributes(), identities), actor);
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable long id, Actor actor) {
        return customers.get(id, actor);
    }

    @PatchMapping("/{id}")
    Customer update(@PathVariable long id, @Valid @RequestBody CustomerPatch body, Actor actor) {
        return customers.update(id, new CustomerChanges(body.name(), body.email(), body.phone(), body.avatarUrl(),
                body.locale(), body.vip(), body.attributes(), null), actor);
    }

    @PostMapping("/{id}/identities")
    @ResponseStatus(HttpStatus.CREATED)
    Customer addIdentity(@PathVariable long id, @Valid @RequestBody IdentityInput body, Actor actor) {
        return customers.addIdentity(id, body.toNew(), actor);
    }

    @DeleteMapping("/{id}/identities/{identityId}")
    Customer removeIdentity(@PathVariable long id, @PathVariable long identityId, Actor actor) {
        return customers.removeIdentity(id, identityId, actor);
    }

    @GetMapping("/{id}/notes")
    List<CustomerNote> notes(@PathVariable long id, Actor actor) {
        return customers.notes(id, actor);
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    CustomerNote addNote(@PathVariable long id, @Valid @RequestBody ConversationApi.NoteInput body, Actor actor) {
        return customers.addNote(id, body.body(), actor);
    }

    @GetMapping("/{id}/conversations")
    @Operation(summary = "Every conversation with this customer, on every channel, newest first")
    Page<Conversation> conversations(@PathVariable long id, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size, Actor actor) {
        customers.get(id, actor);
        var filter = new ConversationFilter(null, null, null, null, false, null, id, null, null, ConversationFilter.Sort.NEWEST);
        return conversations.list(filter, Paging.of(page, size), actor);
    }
}
