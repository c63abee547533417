package app.haven.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

import app.haven.shared.BlockedException;
import app.haven.shared.ConflictException;
import app.haven.shared.ContentTooLargeException;
import app.haven.shared.ForbiddenException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.StoreUnavailable;
import app.haven.shared.TooManyRequestsException;
import app.haven.shared.PaymentDeclinedException;
import app.haven.shared.UnacceptableContentException;
import app.haven.shared.UnauthenticatedException;
import app.haven.shared.UnsupportedContentTypeException;
import jakarta.validation.ConstraintViolationException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a controller into an RFC 9457 problem: validation errors list each field,
 * unreadable bodies say so without echoing parser internals, and anything unexpected is a 500
 * whose detail names only an error id to quote to support. No stack trace, class name or SQL
 * reaches a client.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Two requests wanted the same rows at once and the store made this one wait too long or give way. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail contended(PessimisticLockingFailureException e) {
        log.info("A request gave way to a concurrent one: {}", e.getMostSpecificCause().getMessage());
        return ProblemResponses.problem(HttpStatus.CONFLICT, "Someone changed the same thing at the same moment; try again");
    }

    /** Domain rules reject bad input with messages written for people. */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, e.getMessage());
        e.field().ifPresent(field -> problem.setProperty("errors", List.of(new FieldProblem(field, e.getMessage()))));
        return problem;
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ProblemDetail tooLarge(ContentTooLargeException e) {
        return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(UnsupportedContentTypeException.class)
    ResponseEntity<ProblemDetail> unsupportedType(UnsupportedContentTypeException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        problem.setProperty("accepted", e.accepted());
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    @ExceptionHandler(PaymentDeclinedException.class)
    ResponseEntity<ProblemDetail> declined(PaymentDeclinedException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.PAYMENT_REQUIRED, "payment-declined", e.getMessage());
        e.payment().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body(problem);
    }

    @ExceptionHandler(UnacceptableContentException.class)
    ProblemDetail unacceptable(UnacceptableContentException e) {
        return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(BlockedException.class)
    ProblemDetail blocked(BlockedException e) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, "blocked", e.getMessage());
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, "Your role may not do this.");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Sign in with a valid bearer token."));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "The request has invalid values.");
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList());
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreUnavailable.causedBy(e)) {
            log.warn("A store is unreachable: {}", e.toString());
            return ProblemResponses.storeUnavailable();
        }
        return ResponseEntity.internalServerError().body(defect(e));
    }

    private static ProblemDetail defect(Exception e) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, e);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote error id " + errorId + " to support.");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "The request has invalid values.");
        problem.setProperty("errors", ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedBy(ex, DataBufferLimitException.class)) {
            return handleExceptionInternal(ex, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is too large."), headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
        }
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, readableReason(ex));
        String message = causedBy(ex, UnrecognizedPropertyException.class) ? "is not a field this request accepts"
                : "is missing or has the wrong type";
        fieldOf(ex).ifPresent(field -> problem.setProperty("errors", List.of(new FieldProblem(field, message))));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        Object problem = body == null && ex instanceof ErrorResponse response ? response.getBody() : body;
        if (problem instanceof ProblemDetail detail) {
            if (detail.getType() == null || URI.create("about:blank").equals(detail.getType())) {
                detail.setType(ProblemResponses.typeOf(status));
            }
            if (detail.getInstance() == null) {
                detail.setInstance(URI.create(exchange.getRequest().getPath().value()));
            }
            if (detail.getDetail() == null) {
                detail.setDetail(defaultDetail(ex, status));
            }
        }
        return super.handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /**
     * Framework refusals that carry no reason (a body over the size limit arrives as a bare 413)
     * still get a detail, as the contract promises on every problem.
     */
    private static String defaultDetail(Exception ex, HttpStatusCode status) {
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value() || causedBy(ex, DataBufferLimitException.class)) {
            return "The request body is too large.";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "The request could not be handled." : known.getReasonPhrase() + ".";
    }

    private static String readableReason(ServerWebInputException ex) {
        if (ex.getCause() instanceof DecodingException || ex.getCause() instanceof JacksonException) {
            return "The request body is not valid JSON of the expected shape.";
        }
        if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null) {
            return "The value of '" + ex.getMethodParameter().getParameterName() + "' is missing or not valid.";
        }
        return "The request could not be read.";
    }

    private static Optional<String> fieldOf(ServerWebInputException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JacksonException jackson && !jackson.getPath().isEmpty())) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException jackson) {
            String field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            return field.isEmpty() ? Optional.empty() : Optional.of(field);
        }
        return Optional.empty();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String messageOf(FieldError error) {
        return error.isBindingFailure() ? "has the wrong type" : error.getDefaultMessage();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** One invalid field of a request, as listed under {@code errors}. */
    record FieldProblem(String field, String message) {
    }
}
