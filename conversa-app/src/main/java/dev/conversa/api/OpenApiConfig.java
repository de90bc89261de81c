package dev.conversa.api;

import dev.conversa.kernel.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs and the browsable UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    static {
        // The caller comes from the token, never from the request: an Actor parameter is not part of the API.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI conversaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Conversa API").version("v1")
                        .description("Omnichannel contact center: workspaces, people, customers, inboxes, conversations. "
                                + "Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
