package dev.conversa.channel.twitter;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.webhook.CommentModerator;
import dev.conversa.kernel.ChannelType;
import java.net.http.HttpRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/** X lets the brand hide replies in its conversations ({@code PUT /2/tweets/:id/hidden}); others' posts cannot be deleted. */
@Component
class TwitterModerator implements CommentModerator {
    private final TwitterApi api;

    TwitterModerator(TwitterApi api) {
        this.api = api;
    }

    @Override
    public boolean supports(ChannelType channel, Action action) {
        return channel == ChannelType.TWITTER && action != Action.DELETE;
    }

    @Override
    public void moderate(Inbox inbox, String postId, Action action) {
        String json = api.http().mapper().writeValueAsString(Map.of("hidden", action == Action.HIDE));
        try {
            var r = api.call(inbox, b -> b.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)),
                    TwitterApi.url(inbox, "/tweets/" + postId + "/hidden"));
            if (!r.ok()) {
                throw new Refused("X refused to " + action.name().toLowerCase() + " reply " + postId + ": " + r);
            }
        } catch (TwitterApi.TokenRevoked e) {
            throw new Refused(e.getMessage());
        }
    }
}
