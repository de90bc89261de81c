package dev.conversa.customer;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer profiles of one workspace: create, find by any identity, edit, annotate. */
@Service
public class CustomerService {
    static final int MAX_ATTRIBUTES = 100;

    private final CustomerRepository repository;
    private final ApplicationEventPublisher events;

    CustomerService(CustomerRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** Creates a customer with its identities in one transaction: all of it is stored, or none. */
    @Transactional
    public Customer create(CustomerChanges input, Actor actor) {
        long ws = actor.workspace();
        String name = input.name() == null || input.name().isBlank() ? null : input.name().strip();
        if (name == null) {
            throw new InvalidInputException("name", "name is required");
        }
        List<NewIdentity> identities = input.identities() == null ? List.of() : input.identities();
        validateIdentities(ws, identities);
        long id = repository.insert(ws, name, lower(input.email()), input.phone(), input.avatarUrl(), input.locale(),
                Boolean.TRUE.equals(input.vip()));
        for (NewIdentity identity : identities) {
            repository.insertIdentity(ws, id, identity, identity.kind().normalize(identity.value()));
        }
        applyAttributes(id, input.attributes());
        events.publishEvent(new CustomerEvents.CustomerCreated(ws, id, name, actor.userId()));
        return get(id, actor);
    }

    public Customer get(long id, Actor actor) {
        return repository.find(actor.workspace(), id).orElseThrow(() -> new NotFoundException("customer", id));
    }

    public Page<Customer> search(String query, Paging paging, Actor actor) {
        long ws = actor.workspace();
        String like = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase(Locale.ROOT) + "%";
        return new Page<>(repository.search(ws, like, paging.size(), paging.offset()), paging.page(), paging.size(),
                repository.count(ws, like));
    }

    @Transactional
    public Customer update(long id, CustomerChanges changes, Actor actor) {
        Customer c = get(id, actor);
        if (changes.name() != null && changes.name().isBlank()) {
            throw new InvalidInputException("name", "name cannot be blank");
        }
        repository.update(c.workspaceId(), id,
                changes.name() == null ? c.name() : changes.name().strip(),
                changes.email() == null ? c.email() : lower(changes.email()),
                changes.phone() == null ? c.phone() : changes.phone(),
                changes.avatarUrl() == null ? c.avatarUrl() : changes.avatarUrl(),
                changes.locale() == null ? c.locale() : changes.locale(),
                changes.vip() == null ? c.vip() : changes.vip());
        if (changes.identities() != null) {
            validateIdentities(c.workspaceId(), changes.identities());
            for (NewIdentity identity : changes.identities()) {
                repository.insertIdentity(c.workspaceId(), id, identity, identity.kind().normalize(identity.value()));
            }
        }
        applyAttributes(id, changes.attributes());
        events.publishEvent(new CustomerEvents.CustomerUpdated(c.workspaceId(), id, "profile", actor.userId()));
        return get(id, actor);
    }

    @Transactional
    public Customer addIdentity(long customerId, NewIdentity identity, Actor actor) {
        Customer c = get(customerId, actor);
        validateIdentities(c.workspaceId(), List.of(identity));
        repository.insertIdentity(c.workspaceId(), customerId, identity, identity.kind().normalize(identity.value()));
        events.publishEvent(new CustomerEvents.IdentityAdded(c.workspaceId(), customerId, identity.kind(),
                identity.kind().normalize(identity.value()), actor.userId()));
        return get(customerId, actor);
    }

    @Transactional
    public Customer removeIdentity(long customerId, long identityId, Actor actor) {
        Customer c = get(customerId, actor);
        if (repository.deleteIdentity(c.workspaceId(), customerId, identityId) == 0) {
            throw new NotFoundException("identity", identityId);
        }
        events.publishEvent(new CustomerEvents.CustomerUpdated(c.workspaceId(), customerId, "identity removed", actor.userId()));
        return get(customerId, actor);
    }

    /**
     * The customer behind an identity seen on a channel, created on first contact. Profile details from the
     * channel (display name, avatar, followers) refresh the stored identity each time.
     */
    @Transactional
    public long resolve(long workspaceId, NewIdentity identity) {
        String value = identity.kind().normalize(identity.value());
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("author", "the author's identity is required");
        }
        var known = repository.identity(workspaceId, identity.kind(), value);
        if (known.isPresent()) {
            if (known.get().changedBy(identity)) {
                repository.refreshIdentityProfile(workspaceId, identity.kind(), value, identity);
            }
            return known.get().customerId();
        }
        String name = firstNonBlank(identity.displayName(), identity.handle(), value);
        long id = repository.insert(workspaceId, name, identity.kind() == IdentityKind.EMAIL ? value : null,
                identity.kind() == IdentityKind.PHONE ? value : null, identity.avatarUrl(), null, false);
        repository.insertIdentity(workspaceId, id, identity, value);
        events.publishEvent(new CustomerEvents.CustomerCreated(workspaceId, id, name, null));
        return id;
    }

    public Map<Long, String> names(long workspaceId, Set<Long> ids) {
        var out = new java.util.HashMap<Long, String>();
        for (Long id : ids) {
            repository.find(workspaceId, id).ifPresent(c -> out.put(id, c.name()));
        }
        return out;
    }

    @Transactional
    public CustomerNote addNote(long customerId, String body, Actor actor) {
        Customer c = get(customerId, actor);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "a note needs some text");
        }
        long id = repository.insertNote(c.workspaceId(), customerId, actor.userId(), body.strip());
        return repository.notes(c.workspaceId(), customerId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    public List<CustomerNote> notes(long customerId, Actor actor) {
        Customer c = get(customerId, actor);
        return repository.notes(c.workspaceId(), customerId);
    }

    private void validateIdentities(long ws, List<NewIdentity> identities) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < identities.size(); i++) {
            NewIdentity identity = identities.get(i);
            String field = "identities[" + i + "]";
            if (identity == null || identity.kind() == null) {
                throw new InvalidInputException(field + ".kind", "identity kind is required");
            }
            String value = identity.kind().normalize(identity.value());
            if (value == null || value.isEmpty()) {
                throw new InvalidInputException(field + ".value", "identity value is required");
            }
            if (identity.kind() == IdentityKind.EMAIL && !value.matches("[^@\\s]+@[^@\\s]+")) {
                throw new InvalidInputException(field + ".value", "not an email address: " + identity.value());
            }
            if (!seen.add(identity.kind() + ":" + value)) {
                throw new InvalidInputException(field + ".value", "identity listed twice");
            }
            if (repository.customerOfIdentity(ws, identity.kind(), value).isPresent()) {
                throw new ConflictException(field + ".value",
                        "identity " + identity.kind() + " " + value + " already belongs to another customer");
            }
        }
    }

    private void applyAttributes(long customerId, Map<String, String> attributes) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new InvalidInputException("attributes", "at most " + MAX_ATTRIBUTES + " attributes");
        }
        attributes.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > 100) {
                throw new InvalidInputException("attributes", "attribute names must have 1-100 characters");
            }
            if (value == null || value.isEmpty()) {
                repository.removeAttribute(customerId, key);
            } else if (value.length() > 2000) {
                throw new InvalidInputException("attributes." + key, "attribute values have at most 2000 characters");
            } else {
                repository.putAttribute(customerId, key, value);
            }
        });
    }

    private static String lower(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "?";
    }
}
