package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The IMAP cursor moves forward or onto a new UIDVALIDITY, never back (a late reader cannot undo progress). */
@ConversaIT
class EmailCursorIT {
    @LocalServerPort
    int port;
    @Autowired
    EmailStore store;

    @Test
    void theCursorNeverMovesBackWithinOneUidValidity() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Cursor").adminToken());
        // no imapHost: the poller leaves this inbox alone, only the test moves its cursor
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"Cursor","channel":"EMAIL","settings":{"address":"cursor@acme.test"}}""").json().get("id").asLong();

        store.startCursor(inbox, 7);
        assertThat(store.cursor(inbox)).contains(new EmailStore.Cursor(7, 0));
        store.startCursor(inbox, 7); // a second reader starting: nothing changes
        store.saveCursor(inbox, 7, 10);
        store.saveCursor(inbox, 7, 5); // a reader that stalled on an older batch
        assertThat(store.cursor(inbox)).contains(new EmailStore.Cursor(7, 10));
        store.saveCursor(inbox, 9, 3); // the mailbox was rebuilt: a new UIDVALIDITY starts again
        assertThat(store.cursor(inbox)).contains(new EmailStore.Cursor(9, 3));
    }
}
