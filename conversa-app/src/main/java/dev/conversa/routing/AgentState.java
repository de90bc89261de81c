package dev.conversa.routing;

import dev.conversa.kernel.Media;
import dev.conversa.workspace.AgentStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The engine's mutable view of one agent: status, load per media and when they last took or finished work. */
final class AgentState {
    final AgentProfile profile;
    final EnumMap<Media, Integer> load = new EnumMap<>(Media.class);
    AgentStatus status;
    /** Since when the agent has had no new work: for longest-idle. */
    Instant idleSince;
    /** Sequence number of the last assignment: for round robin. */
    long lastAssignedSeq;

    AgentState(AgentProfile profile, AgentStatus status, Instant idleSince) {
        this.profile = profile;
        this.status = status;
        this.idleSince = idleSince;
    }

    long id() {
        return profile.id();
    }

    int load(Media media) {
        return load.getOrDefault(media, 0);
    }

    int totalLoad() {
        int sum = 0;
        for (int v : load.values()) {
            sum += v;
        }
        return sum;
    }

    boolean hasRoom(Media media) {
        return load(media) < profile.capacity(media);
    }

    boolean hasAnyRoom() {
        for (Map.Entry<Media, Integer> e : profile.capacity().entrySet()) {
            if (load(e.getKey()) < e.getValue()) {
                return true;
            }
        }
        return false;
    }

    boolean qualifies(WorkItem item) {
        for (Map.Entry<String, Integer> r : item.required().entrySet()) {
            if (profile.skill(r.getKey()) < r.getValue()) {
                return false;
            }
        }
        return true;
    }

    int preferredMatches(WorkItem item) {
        int n = 0;
        for (String s : item.preferred()) {
            if (profile.skill(s) > 0) {
                n++;
            }
        }
        return n;
    }
}
