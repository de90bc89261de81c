package dev.conversa.web;

import dev.conversa.workspace.CurrentActor;
import dev.conversa.workspace.WorkspaceService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times in the workspace's time zone and the reader's language, for templates ({@code @consoleFormat}). */
@Component("consoleFormat")
public class ConsoleFormat {
    private final WorkspaceService workspaces;
    private final Map<Long, ZoneId> zones = new ConcurrentHashMap<>();

    ConsoleFormat(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale())
                .format(at.atZone(zone()));
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    private ZoneId zone() {
        return CurrentActor.get().filter(a -> a.workspaceId() != null)
                .map(a -> zones.computeIfAbsent(a.workspaceId(), ws -> ZoneId.of(workspaces.get(ws, a).timeZone())))
                .orElse(ZoneId.of("UTC"));
    }
}
