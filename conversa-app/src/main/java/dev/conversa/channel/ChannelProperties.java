package dev.conversa.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secretKey     base64 AES key (16 or 32 bytes) that encrypts inbox secrets ({@code CONVERSA_SECRET_KEY});
 *                      when empty, a key is generated once into {@code secretKeyFile}
 * @param secretKeyFile where the generated key is kept
 */
@ConfigurationProperties("conversa.channels")
public record ChannelProperties(String secretKey, String secretKeyFile) {
}
