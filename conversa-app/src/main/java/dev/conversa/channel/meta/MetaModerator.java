package dev.conversa.channel.meta;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.webhook.CommentModerator;
import dev.conversa.kernel.ChannelType;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Facebook ({@code is_hidden}) and Instagram ({@code hide}) comment hiding, and deletion ({@code DELETE /<comment>}).
 */
@Component
class MetaModerator implements CommentModerator {
    private final MetaGraph graph;

    MetaModerator(MetaGraph graph) {
        this.graph = graph;
    }

    @Override
    public boolean supports(ChannelType channel, Action action) {
        return channel == ChannelType.FACEBOOK || channel == ChannelType.INSTAGRAM;
    }

    @Override
    public void moderate(Inbox inbox, String commentId, Action action) {
        String flag = inbox.channel() == ChannelType.FACEBOOK ? "is_hidden" : "hide";
        var r = switch (action) {
            case HIDE -> graph.post(inbox, "/" + commentId, Map.of(flag, true));
            case UNHIDE -> graph.post(inbox, "/" + commentId, Map.of(flag, false));
            case DELETE -> graph.delete(inbox, "/" + commentId);
        };
        if (!r.ok()) {
            throw new Refused("Meta refused to " + action.name().toLowerCase() + " comment " + commentId + ": "
                    + r.json().path("error").path("message").asString());
        }
    }
}
