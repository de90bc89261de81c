package dev.conversa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.conversa.conversation.ConversationFilter;
import dev.conversa.conversation.ConversationService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.support.ConversaIT;
import dev.conversa.workspace.UserService;
import dev.conversa.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo workspace: built-in threads on a fresh clone, real support threads when the shared data is there. */
@ConversaIT
class DemoWorkspaceIT {
    @Autowired
    DemoWorkspace demo;
    @Autowired
    ConversationService conversations;
    @Autowired
    UserService users;

    @Test
    void builtInSetFillsEveryChannelWithRealisticConversations() {
        String slug = "demo-" + UUID.randomUUID().toString().substring(0, 6);
        Workspace ws = demo.create(slug, BuiltInThreads.all(Instant.now()));
        Actor actor = Actor.system(ws.id());
        var all = conversations.list(ConversationFilter.all(), new Paging(0, 100), actor);
        assertThat(all.total()).isEqualTo(BuiltInThreads.all(Instant.now()).size());
        Set<ChannelType> channels = new HashSet<>();
        all.items().forEach(c -> channels.add(c.channel()));
        assertThat(channels).contains(ChannelType.TWITTER, ChannelType.EMAIL, ChannelType.WEBCHAT, ChannelType.SMS);
        assertThat(users.findByEmail("ana@" + slug + ".conversa.local")).get().extracting(u -> u.role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void realSupportThreadsAreLoadedWhenTheSharedDataIsPresent() {
        Path data = Path.of(System.getProperty("conversa.shared.data", "../../shared/data"));
        assumeTrue(Files.isReadable(data.resolve("support/twcs/twcs_head5000.csv")), "shared data not present");
        List<DemoThread> threads = DemoWorkspace.threads(data);
        assertThat(threads).hasSizeGreaterThan(100);
        Set<String> brands = new HashSet<>();
        threads.forEach(t -> brands.add(t.brand()));
        assertThat(brands).hasSizeGreaterThanOrEqualTo(5);
        assertThat(threads).allSatisfy(t -> assertThat(t.posts().get(0).fromCustomer()).isTrue());
        assertThat(threads.get(0).posts().get(0).at()).isAfter(Instant.now().minusSeconds(400L * 24 * 3600));

        String slug = "demo-" + UUID.randomUUID().toString().substring(0, 6);
        Workspace ws = demo.create(slug, threads.subList(0, 30));
        var all = conversations.list(ConversationFilter.all(), new Paging(0, 100), Actor.system(ws.id()));
        assertThat(all.total()).isEqualTo(30);
    }
}
