package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.mention.ShareOfVoice;
import dev.conversa.mention.Topic;
import dev.conversa.mention.TopicFigures;
import dev.conversa.mention.TopicService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Listening", description = "Standing queries over the public stream and the mentions they find")
class TopicApi {
    private final TopicService topics;

    TopicApi(TopicService topics) {
        this.topics = topics;
    }

    /** @param kind BRAND, PRODUCT or COMPETITOR */
    record TopicInput(String name, String kind, List<Long> queryIds) {
    }

    @PostMapping("/api/v1/listening/topics")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Group standing queries into a topic: the brand, a product or a competitor (supervisors)")
    Topic create(@RequestBody TopicInput input, Actor actor) {
        return input == null ? topics.create(null, null, null, actor)
                : topics.create(input.name(), input.kind(), input.queryIds(), actor);
    }

    @GetMapping("/api/v1/listening/topics")
    List<Topic> list(Actor actor) {
        return topics.list(actor);
    }

    @GetMapping("/api/v1/listening/topics/{id}")
    Topic get(@PathVariable long id, Actor actor) {
        return topics.get(id, actor);
    }

    @PutMapping("/api/v1/listening/topics/{id}")
    @Operation(summary = "Replace a topic's name, kind and queries (supervisors)")
    Topic update(@PathVariable long id, @RequestBody TopicInput input, Actor actor) {
        return input == null ? topics.update(id, null, null, null, actor)
                : topics.update(id, input.name(), input.kind(), input.queryIds(), actor);
    }

    @DeleteMapping("/api/v1/listening/topics/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a topic (supervisors); its queries and their mentions stay")
    void delete(@PathVariable long id, Actor actor) {
        topics.delete(id, actor);
    }

    @GetMapping("/api/v1/listening/topics/{id}/figures")
    @Operation(summary = "Volume, reach, net sentiment, top terms, authors and posts, languages, sources and the trend "
            + "of a topic over [from, to) (default: the last 7 days; interval hour, day or week, default day)")
    TopicFigures figures(@PathVariable long id, @RequestParam(required = false) Instant from,
                         @RequestParam(required = false) Instant to, @RequestParam(required = false) String interval,
                         Actor actor) {
        return topics.figures(id, from, to, interval, actor);
    }

    @GetMapping("/api/v1/listening/topics/{id}/share-of-voice")
    @Operation(summary = "A brand topic's share of voice against each competitor topic, by mentions, reach and "
            + "negative mentions, over [from, to) (default: the last 7 days)")
    ShareOfVoice shareOfVoice(@PathVariable long id, @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to, Actor actor) {
        return topics.shareOfVoice(id, from, to, actor);
    }
}
