package app.haven.shared.rsocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

import app.haven.shared.ConflictException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.SessionExpiredException;
import app.haven.shared.StoreUnavailable;
import io.rsocket.RSocketErrorException;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.InvalidException;
import io.rsocket.exceptions.RejectedException;
import jakarta.validation.ConstraintViolationException;
import reactor.core.publisher.Mono;

/**
 * What an RSocket client sees when a route fails: an error frame with a short, safe message, never
 * a stack trace or a class name. A conversation that is not yours is "not found", as over HTTP.
 * <p>
 * Each handler answers {@code Mono.error(...)}: whatever a {@code @MessageExceptionHandler}
 * returns as a value is encoded and sent as data, so returning the exception itself would hand
 * the client a "successful" payload holding the serialized exception, stack trace included.
 */
@ControllerAdvice
class RSocketErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(RSocketErrorAdvice.class);

    @MessageExceptionHandler(NotFoundException.class)
    Mono<Void> notFound(NotFoundException e) {
        return Mono.error(new RejectedException(e.getMessage()));
    }

    @MessageExceptionHandler(ConflictException.class)
    Mono<Void> conflict(ConflictException e) {
        return Mono.error(new RejectedException(e.getMessage()));
    }

    @MessageExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    Mono<Void> denied(RuntimeException e) {
        return Mono.error(new RejectedException("Not allowed"));
    }

    @MessageExceptionHandler({ConstraintViolationException.class, InvalidInputException.class})
    Mono<Void> invalid(RuntimeException e) {
        return Mono.error(new InvalidException("Invalid request"));
    }

    /**
     * The token that opened a stream expired before the stream sent anything: the same error
     * (application error, "…expired…") as when it expires after some events went out.
     */
    @MessageExceptionHandler(SessionExpiredException.class)
    Mono<Void> sessionExpired(SessionExpiredException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }

    /**
     * A route chose this RSocket error and its words for the client ("fell-behind: …",
     * "cursor-expired: …", a refused setup).
     */
    @MessageExceptionHandler(RSocketErrorException.class)
    Mono<Void> chosen(RSocketErrorException e) {
        return Mono.error(e);
    }

    @MessageExceptionHandler(Exception.class)
    Mono<Void> unexpected(Exception e) {
        if (StoreUnavailable.causedBy(e)) {
            log.warn("A store is unreachable: {}", e.toString());
            return Mono.error(new ApplicationErrorException("unavailable: " + StoreUnavailable.DETAIL));
        }
        log.error("RSocket route failed", e);
        return Mono.error(new ApplicationErrorException("Something went wrong on our side"));
    }
}
