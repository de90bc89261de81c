package dev.conversa.kernel;

/**
 * Which {@link Media} a channel's conversations count as. Provided by the channel module from what each channel
 * declares; a module that must not depend on the channel module (routing) asks through this.
 */
public interface ChannelMedia {
    Media media(ChannelType channel);
}
