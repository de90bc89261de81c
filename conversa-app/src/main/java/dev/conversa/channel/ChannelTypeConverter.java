package dev.conversa.channel;

import dev.conversa.kernel.ChannelType;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Request parameters and form fields to {@link ChannelType}, as Spring converted the enum it was: a blank value is no
 * channel (an "any channel" filter), an unknown name is refused (400). Spring MVC picks up converter beans.
 */
@Component
class ChannelTypeConverter implements Converter<String, ChannelType> {
    @Override
    public ChannelType convert(String source) {
        return source.isBlank() ? null : ChannelType.valueOf(source.strip());
    }
}
