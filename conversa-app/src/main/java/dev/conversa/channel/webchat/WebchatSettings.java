package dev.conversa.channel.webchat;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
import java.util.Map;

/**
 * A web chat inbox's settings, typed. {@link #SPEC} is what the channel declares (form, check before storing, help
 * under {@code channel.setting.WEBCHAT.*}); {@link #of} reads a stored inbox with the same defaults.
 *
 * @param title                the widget's title: the setting, else the inbox's name
 * @param locale               {@code null}: the visitor's browser decides
 * @param followUpEmailInboxId the email inbox that sends a visitor the replies they missed; {@code null}: none
 */
record WebchatSettings(String title, String color, String position, String locale, String greeting, boolean prechatForm,
                       Integer followUpEmailInboxId, String followUpSubject) {
    private static final ChannelSetting TITLE = ChannelSetting.text("widgetTitle");
    private static final ChannelSetting COLOR = ChannelSetting.text("widgetColor").withDefault("#2b59c3");
    private static final ChannelSetting POSITION = ChannelSetting.choice("widgetPosition", "right", List.of("right", "left"));
    private static final ChannelSetting LOCALE = ChannelSetting.text("widgetLocale");
    private static final ChannelSetting GREETING = ChannelSetting.text("widgetGreeting");
    private static final ChannelSetting PRECHAT_FORM = ChannelSetting.bool("prechatForm", true);
    private static final ChannelSetting FOLLOW_UP_INBOX = ChannelSetting.number("followUpEmailInboxId", null);
    private static final ChannelSetting FOLLOW_UP_SUBJECT = ChannelSetting.text("followUpSubject");

    static final List<ChannelSetting> SPEC = List.of(TITLE, COLOR, POSITION, LOCALE, GREETING, PRECHAT_FORM, FOLLOW_UP_INBOX,
            FOLLOW_UP_SUBJECT, ChannelSetting.secret("identitySecret"));

    static WebchatSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        String title = TITLE.read(s);
        String subject = FOLLOW_UP_SUBJECT.read(s);
        return new WebchatSettings(title == null ? inbox.name() : title, COLOR.read(s), POSITION.readChoice(s), LOCALE.read(s),
                GREETING.read(s), PRECHAT_FORM.readBoolean(s), FOLLOW_UP_INBOX.readNumber(s, 1),
                subject == null ? "Re: your chat with " + inbox.name() : subject);
    }
}
