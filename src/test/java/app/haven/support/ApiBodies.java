package app.haven.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** How the end-to-end tests read Haven's answers: problems, their field errors, and list pages. */
public final class ApiBodies {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private ApiBodies() {
    }

    /** An RFC 9457 problem with the given status, as every refusal must be; answers its body. */
    public static Map<String, Object> problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        Map<String, Object> problem = Objects.requireNonNull(response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody());
        assertThat(problem).containsEntry("status", status.value()).containsKeys("type", "title", "detail");
        return problem;
    }

    /** The {@code errors[].field} names of a validation problem. */
    @SuppressWarnings("unchecked")
    public static List<String> errorFields(Map<String, Object> problem) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).as("the problem lists the fields at fault: %s", problem).isNotNull().isNotEmpty();
        return errors.stream().map(error -> (String) error.get("field")).toList();
    }

    /** The items of a list page, which always says whether there is a next one. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        assertThat(page).containsKeys("items", "nextCursor");
        return (List<Map<String, Object>>) page.get("items");
    }

    /**
     * The client reading bodies larger than the 64 KB a request may carry, such as the OpenAPI
     * description; the application's limit is for what clients send, not for what tests read.
     */
    public static WebTestClient readingLargeBodies(WebTestClient http) {
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }
}
