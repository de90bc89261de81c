package dev.conversa.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether to create the demo workspace on first start ({@code CONVERSA_DEMO}; set false in production)
 * @param dataDir the shared data folder with {@code support/twcs/twcs_head5000.csv} ({@code CONVERSA_DEMO_DATA})
 */
@ConfigurationProperties("conversa.demo")
record DemoProperties(boolean enabled, String dataDir) {
}
