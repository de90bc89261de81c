package dev.conversa.routing;

import dev.conversa.kernel.ChannelType;

/**
 * Conversations matching channel, language and tag ({@code null}: any) need ({@code required}) or prefer a skill.
 * The language rule {@code language=null, skill="language:*"} means "the conversation's own language".
 */
public record SkillRule(long id, ChannelType channel, String language, String tag, String skill, int minLevel,
                        boolean required) {
}
