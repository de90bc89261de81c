package dev.conversa.api;

import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Priority;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.sla.Escalation;
import dev.conversa.sla.SlaCalendar;
import dev.conversa.sla.SlaPolicy;
import dev.conversa.sla.SlaService;
import dev.conversa.sla.SlaState;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

@RestController
@Tag(name = "SLA", description = "Service-level policies, business-hours calendars and per-conversation timers")
class SlaApi {
    private final SlaService sla;
    private final ConversationService conversations;

    SlaApi(SlaService sla, ConversationService conversations) {
        this.sla = sla;
        this.conversations = conversations;
    }

    record PolicyInput(String name, ChannelType channel, Priority priority, Integer firstResponseMinutes,
                       Integer nextResponseMinutes, Integer resolutionMinutes, Long calendarId, Integer warnBeforeMinutes,
                       Escalation escalation) {
    }

    @GetMapping("/api/v1/sla-policies")
    List<SlaPolicy> policies(Actor actor) {
        return sla.policies(actor);
    }

    @PostMapping("/api/v1/sla-policies")
    @ResponseStatus(HttpStatus.CREATED)
    SlaPolicy create(@RequestBody PolicyInput b, Actor actor) {
        return sla.createPolicy(b.name(), b.channel(), b.priority(), b.firstResponseMinutes(), b.nextResponseMinutes(),
                b.resolutionMinutes(), b.calendarId(), b.warnBeforeMinutes(), b.escalation(), actor);
    }

    @DeleteMapping("/api/v1/sla-policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Actor actor) {
        sla.deletePolicy(id, actor);
    }

    record CalendarInput(String name, String timeZone, String hours, List<LocalDate> holidays) {
    }

    @GetMapping("/api/v1/sla-calendars")
    List<SlaCalendar> calendars(Actor actor) {
        return sla.calendars(actor);
    }

    @PostMapping("/api/v1/sla-calendars")
    @ResponseStatus(HttpStatus.CREATED)
    SlaCalendar createCalendar(@RequestBody CalendarInput b, Actor actor) {
        return sla.createCalendar(b.name(), b.timeZone(), b.hours(), b.holidays(), actor);
    }

    @GetMapping("/api/v1/conversations/{id}/sla")
    List<SlaState> timers(@PathVariable long id, Actor actor) {
        // Another workspace's conversation has no timers here, but it must not answer an empty 200 either.
        conversations.get(id, actor);
        return sla.timers(id, actor);
    }
}
