package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.mention.Feed;
import dev.conversa.mention.FeedService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Listening", description = "Standing queries over the public stream and the mentions they find")
class FeedApi {
    private final FeedService feeds;

    FeedApi(FeedService feeds) {
        this.feeds = feeds;
    }

    record FeedInput(String url, Integer intervalSeconds) {
    }

    @PostMapping("/api/v1/listening/feeds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Listen to an RSS or Atom feed (workspace admins): its new entries are matched against the "
            + "workspace's standing queries; polled with conditional GET every intervalSeconds (default 900)")
    Feed add(@RequestBody FeedInput input, Actor actor) {
        return feeds.add(input == null ? null : input.url(), input == null ? null : input.intervalSeconds(), actor);
    }

    @GetMapping("/api/v1/listening/feeds")
    @Operation(summary = "The workspace's feeds with their poller's state (workspace admins)")
    List<Feed> list(Actor actor) {
        return feeds.list(actor);
    }

    @GetMapping("/api/v1/listening/feeds/{id}")
    Feed get(@PathVariable long id, Actor actor) {
        return feeds.get(id, actor);
    }

    @DeleteMapping("/api/v1/listening/feeds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop listening to a feed (workspace admins); the mentions found in it stay")
    void remove(@PathVariable long id, Actor actor) {
        feeds.remove(id, actor);
    }
}
