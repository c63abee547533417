package app.haven.shared.web;

import java.net.URI;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import app.haven.shared.StoreUnavailable;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem details outside controllers (security refusals, errors no controller
 * handled) with the same codecs the controllers use, so every error has one shape.
 */
@Component
public class ProblemResponses {

    private static final String TYPE_BASE = "https://haven.app/problems/";

    private final ServerCodecConfigurer codecs;

    ProblemResponses(ServerCodecConfigurer codecs) {
        this.codecs = codecs;
    }

    /** A problem whose {@code type} names the status, e.g. {@code .../problems/not-found}. */
    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(status));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        return problem;
    }

    /** A problem with a type of its own, for a refusal apps must tell apart from the status's usual meaning. */
    public static ProblemDetail problem(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = problem(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        return problem;
    }

    /** 503 with {@code Retry-After}: a store cannot be reached just now (see {@link StoreUnavailable}). */
    public static ResponseEntity<ProblemDetail> storeUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailable.RETRY_AFTER.toSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, StoreUnavailable.DETAIL));
    }

    static URI typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null ? "error" : known.name().toLowerCase().replace('_', '-');
        return URI.create(TYPE_BASE + slug);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, problem(status, detail));
    }

    @SuppressWarnings("unchecked")
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        ResolvableType type = ResolvableType.forClass(ProblemDetail.class);
        return codecs.getWriters().stream()
                .filter(writer -> writer.canWrite(type, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .map(writer -> ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(problem), type,
                        MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), Map.of()))
                .orElseGet(() -> Mono.error(new IllegalStateException("No JSON writer for problem details")));
    }
}
