package app.haven.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description generated from the controllers: what Haven is, and that every route
 * takes a bearer token unless it says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI havenOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Haven API")
                        .version("v1")
                        .description("""
                                The backend of a therapy practice. JSON over HTTP under /api/v1; errors are \
                                RFC 9457 problem documents; lists answer {items, nextCursor}. Real-time \
                                streams are RSocket routes (WebSocket at /rsocket, TCP on port 7000), \
                                described in the contract the client apps are built against."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
