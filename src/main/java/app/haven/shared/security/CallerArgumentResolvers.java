package app.haven.shared.security;

import org.springframework.boot.rsocket.autoconfigure.RSocketMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

import app.haven.shared.Caller;
import app.haven.shared.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * Lets HTTP and RSocket controllers take the {@link Caller} as a plain parameter.
 */
@Configuration(proxyBeanMethods = false)
class CallerArgumentResolvers implements WebFluxConfigurer {

    private final CurrentUser currentUser;

    CallerArgumentResolvers(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context,
                    ServerWebExchange exchange) {
                return requiredCaller();
            }
        });
    }

    @Bean
    RSocketMessageHandlerCustomizer callerRSocketArgument() {
        return handler -> handler.getArgumentResolverConfigurer().addCustomResolver(
                new org.springframework.messaging.handler.invocation.reactive.HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == Caller.class;
                    }

                    @Override
                    public Mono<Object> resolveArgument(MethodParameter parameter, Message<?> message) {
                        return requiredCaller();
                    }
                });
    }

    private Mono<Object> requiredCaller() {
        return currentUser.caller().cast(Object.class).switchIfEmpty(Mono.error(
                () -> new AuthenticationCredentialsNotFoundException("Sign in first")));
    }
}
