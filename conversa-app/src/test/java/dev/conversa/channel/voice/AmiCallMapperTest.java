package dev.conversa.channel.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

/** The AMI → call event rules the scripted-peer IT does not reach: busy, VM_MESSAGEFILE, contexts, extensions. */
class AmiCallMapperTest {
    final AmiCallMapper mapper = new AmiCallMapper(VoiceSettings.of(Map.of("agents", "1002=luis@acme.test", "amiContext", "from-trunk")));

    @Test
    void aBusyAgentMakesABusyMissedCallAndAVoicemailFileIsItsLink() {
        mapper.map(newChannel("PJSIP/trunk-1", "10.1", "from-trunk"));
        DialBeginEvent dial = new DialBeginEvent(this);
        dial.setLinkedId("10.1");
        dial.setDestChannel("PJSIP/1002-00000009");
        dial.setDestUniqueId("10.2");
        List<CallEvent> ringing = mapper.map(dial);
        assertThat(ringing).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CallEvent.Kind.RINGING);
            assertThat(e.agentRef()).isEqualTo("1002"); // the extension is what the setting maps
        });
        DialEndEvent end = new DialEndEvent(this);
        end.setLinkedId("10.1");
        end.setDialStatus("BUSY");
        mapper.map(end);
        VarSetEvent vm = new VarSetEvent(this);
        vm.setLinkedId("10.1");
        vm.setVariable("VM_MESSAGEFILE");
        vm.setValue("/var/spool/asterisk/voicemail/default/1002/INBOX/msg0003");
        mapper.map(vm);
        HangupEvent hangup = new HangupEvent(this);
        hangup.setUniqueId("10.1");
        hangup.setCause(16);
        List<CallEvent> out = mapper.map(hangup);
        assertThat(out).extracting(CallEvent::kind).containsExactly(CallEvent.Kind.MISSED, CallEvent.Kind.VOICEMAIL);
        assertThat(out.get(0).outcome()).isEqualTo("busy");
        assertThat(out.get(1).recordingUrl()).isEqualTo("file:///var/spool/asterisk/voicemail/default/1002/INBOX/msg0003");
    }

    @Test
    void callsFromOtherContextsAndLocalChannelsAreNotCustomerCalls() {
        assertThat(mapper.map(newChannel("PJSIP/1001-1", "20.1", "from-internal"))).isEmpty();
        mapper.map(newChannel("PJSIP/trunk-2", "30.1", "from-trunk"));
        DialBeginEvent local = new DialBeginEvent(this);
        local.setLinkedId("30.1");
        local.setDestChannel("Local/1001@agents-0000001;1");
        assertThat(mapper.map(local)).isEmpty();
        NewExtenEvent app = new NewExtenEvent(this);
        app.setLinkedId("30.1");
        app.setApplication("MixMonitor");
        app.setAppData("/var/spool/asterisk/monitor/30.1.wav,b");
        mapper.map(app);
        HangupEvent hangup = new HangupEvent(this);
        hangup.setUniqueId("30.1");
        hangup.setCause(17);
        assertThat(mapper.map(hangup)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CallEvent.Kind.MISSED); // unanswered: no recording
            assertThat(e.outcome()).isEqualTo("busy");
        });
    }

    @Test
    void causesAndDevices() {
        assertThat(AmiCallMapper.outcome(null, 19)).isEqualTo("no-answer");
        assertThat(AmiCallMapper.outcome(null, 34)).isEqualTo("failed");
        assertThat(AmiCallMapper.outcome("CHANUNAVAIL", 16)).isEqualTo("failed");
        assertThat(AmiCallMapper.device("PJSIP/1001-0000002a")).isEqualTo("PJSIP/1001");
        assertThat(AmiCallMapper.device("SIP/my-trunk-0000002a")).isEqualTo("SIP/my-trunk");
        assertThat(new AmiCallMapper(VoiceSettings.of(Map.of("recordingBaseUrl", "https://pbx/rec/"))).link("/var/x/a b.wav"))
                .isEqualTo("https://pbx/rec/a%20b.wav");
    }

    private NewChannelEvent newChannel(String channel, String id, String context) {
        NewChannelEvent e = new NewChannelEvent(this);
        e.setChannel(channel);
        e.setUniqueId(id);
        e.setLinkedid(id);
        e.setContext(context);
        e.setCallerIdNum("+34600999888");
        e.setExten("900");
        return e;
    }
}
