package app.haven.shared.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import app.haven.shared.StoreUnavailable;
import reactor.core.publisher.Mono;

/**
 * The last word on errors that no controller advice saw (a failure in a filter, a body cut off
 * by the size limit): still a problem detail, still without internals. Runs before Boot's default
 * handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class FallbackProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackProblemHandler.class);

    private final ProblemResponses problems;

    FallbackProblemHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            exchange.getResponse().getHeaders().addAll(response.getHeaders());
            return problems.write(exchange, ProblemResponses.problem(response.getStatusCode(), safeDetail(response)));
        }
        if (StoreUnavailable.causedBy(error)) {
            log.warn("A store is unreachable on {}: {}", exchange.getRequest().getPath(), error.toString());
            var unavailable = ProblemResponses.storeUnavailable();
            exchange.getResponse().getHeaders().addAll(unavailable.getHeaders());
            return problems.write(exchange, unavailable.getBody());
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unhandled error {} on {}", errorId, exchange.getRequest().getPath(), error);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote error id " + errorId + " to support.");
        problem.setProperty("errorId", errorId);
        return problems.write(exchange, problem);
    }

    private static String safeDetail(ErrorResponse response) {
        HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
        return switch (status == null ? HttpStatus.BAD_REQUEST : status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the requested media type.";
            case CONTENT_TOO_LARGE -> "The request is too large.";
            default -> "The request could not be processed.";
        };
    }
}
