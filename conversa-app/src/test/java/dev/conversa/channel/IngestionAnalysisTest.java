package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.conversa.analysis.MessageAnalysis;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.InboundDraft;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Priority;
import dev.conversa.customer.CustomerService;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.ChannelType;
import dev.conversa.nlp.LanguageGuess;
import dev.conversa.nlp.Sentiment;
import dev.conversa.nlp.SentimentLabel;
import dev.conversa.nlp.TextAnalysis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** Language and sentiment are written with the message; a failing analysis never costs the message. */
class IngestionAnalysisTest {
    final InboxService inboxes = mock(InboxService.class);
    final CustomerService customers = mock(CustomerService.class);
    final ConversationService conversations = mock(ConversationService.class);
    final MessageService messages = mock(MessageService.class);
    final MessageAnalysis analysis = mock(MessageAnalysis.class);
    final TransactionTemplate tx = mock(TransactionTemplate.class);
    final IngestionService ingestion = new IngestionService(inboxes, customers, conversations, messages, analysis, tx);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(inboxes.find(1, 2)).thenReturn(Optional.of(new Inbox(2, 1, "API", ChannelType.API, Map.of(), Set.of(),
                InboxStatus.ACTIVE, null, Instant.now(), Instant.now())));
        when(customers.resolve(eq(1L), any())).thenReturn(7L);
        when(conversations.findActiveByThread(1, 2, "t-1")).thenReturn(Optional.of(new Conversation(9, 1, 2, ChannelType.API,
                7, null, "t-1", ConversationStatus.OPEN, Priority.NORMAL, null, null, null, null, List.of(), 1,
                Instant.now(), Instant.now(), Instant.now(), null, null, null, null, 0)));
        when(messages.receive(any(), any())).thenReturn(11L);
        when(tx.execute(any())).thenAnswer(call -> ((TransactionCallback<Object>) call.getArgument(0)).doInTransaction(null));
    }

    private InboundMessage message(String body) {
        return new InboundMessage("m-1", "t-1", NewIdentity.of(IdentityKind.EMAIL, "ana@example.com"), null, body, null,
                List.of(), null);
    }

    private InboundDraft stored() {
        ArgumentCaptor<InboundDraft> draft = ArgumentCaptor.forClass(InboundDraft.class);
        verify(messages).receive(any(), draft.capture());
        return draft.getValue();
    }

    @Test
    void languageAndSentimentAreStoredWithTheMessage() {
        when(analysis.analyze(anyLong(), any())).thenReturn(new TextAnalysis(new LanguageGuess("es", 0.99),
                new Sentiment(SentimentLabel.NEGATIVE, 0.8, 0.8, 0.15, 0.05)));
        assertThat(ingestion.receive(1, 2, message("Mi pedido no llega")).messageId()).isEqualTo(11);
        assertThat(stored().language()).isEqualTo("es");
        assertThat(stored().sentiment()).isEqualTo("negative");
    }

    @Test
    void aFailingAnalysisStoresTheMessageWithoutIt() {
        when(analysis.analyze(anyLong(), any())).thenThrow(new IllegalStateException("model unavailable"));
        assertThat(ingestion.receive(1, 2, message("Mi pedido no llega")).messageId()).isEqualTo(11);
        assertThat(stored().body()).isEqualTo("Mi pedido no llega");
        assertThat(stored().language()).isNull();
        assertThat(stored().sentiment()).isNull();
    }
}
