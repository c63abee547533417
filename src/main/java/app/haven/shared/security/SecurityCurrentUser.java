package app.haven.shared.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import app.haven.shared.Caller;
import app.haven.shared.CurrentUser;
import app.haven.shared.SessionExpiredException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class SecurityCurrentUser implements CurrentUser {

    @Override
    public Mono<Caller> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .map(CallerAuthentication::caller);
    }

    @Override
    public <T> Flux<T> whileSignedIn(Flux<T> stream) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(JwtAuthenticationToken.class)
                .mapNotNull(authentication -> authentication.getToken().getExpiresAt())
                .flatMapMany(expiresAt -> {
                    Duration remaining = Duration.between(Instant.now(), expiresAt);
                    return remaining.isNegative() ? Flux.<T>error(new SessionExpiredException())
                            : stream.takeUntilOther(Mono.delay(remaining).then(Mono.error(SessionExpiredException::new)));
                })
                .switchIfEmpty(Flux.error(SessionExpiredException::new));
    }
}
