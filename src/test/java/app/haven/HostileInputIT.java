package app.haven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import app.haven.shared.Role;
import app.haven.support.ApiBodies;
import app.haven.support.HavenTest;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;

/**
 * Hostile input on every write route, found in Haven's own OpenAPI description so a new route is
 * covered the day it is added: malformed JSON, wrong types, missing and unknown fields, unknown
 * enum values, overlong text, a body over the limit, NUL characters, MongoDB operators and SQL
 * where an id, a date or a choice belongs, and random bytes from jqwik. Each answer must be a 4xx
 * problem, and the practice, read back through the API before and after, must be exactly as it
 * was. The routes are called as the role that may use them, on real objects, so the input reaches
 * the code that would act on it.
 */
@HavenTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Object> ANY = new ParameterizedTypeReference<>() { };
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final String SQL = "1' OR '1'='1'; DROP TABLE accounts; --";
    private static final int RANDOM_BODIES_PER_ROUTE = 25;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @LocalServerPort int port;

    private World world;
    private Map<String, Object> schemas;
    private List<Operation> operations;

    /** The objects the routes act on, each owned by the person whose role the route is for. */
    private record World(UUID client, UUID therapist, UUID staff, UUID admin, String conversation, String message,
            String session, String worksheet) {

        String tokenFor(TestTokens tokens, Role role) {
            UUID id = switch (role) {
                case CLIENT -> client;
                case THERAPIST -> therapist;
                case STAFF -> staff;
                case ADMIN -> admin;
            };
            return tokens.of(id, role);
        }
    }

    @BeforeAll
    void aPractice() {
        UUID client = people.client();
        UUID therapist = people.therapist();
        UUID staff = people.staff();
        UUID admin = people.admin();
        String staffToken = tokens.of(staff, Role.STAFF);
        String therapistToken = tokens.of(therapist, Role.THERAPIST);
        ok(send(HttpMethod.POST, "/api/v1/patients/" + client + "/assignments", staffToken,
                Map.of("therapistId", therapist.toString())));
        String conversation = await().atMost(Duration.ofSeconds(20)).until(() -> items(send(HttpMethod.GET,
                        "/api/v1/conversations", therapistToken, null)).stream()
                .filter(c -> "DIRECT".equals(c.get("type"))).map(c -> (String) c.get("id")).findFirst().orElse(null),
                Objects::nonNull);
        String message = (String) ok(send(HttpMethod.POST, "/api/v1/conversations/" + conversation + "/messages",
                therapistToken, Map.of("type", "TEXT", "content", "How was the week?"))).get("id");
        String session = (String) ok(send(HttpMethod.POST, "/api/v1/sessions", therapistToken, Map.of(
                "clientId", client.toString(), "startsAt", Instant.now().plus(3, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.HOURS).toString(),
                "durationMinutes", 50, "type", "INDIVIDUAL", "telehealth", true))).get("id");
        String worksheet = (String) ok(send(HttpMethod.POST, "/api/v1/worksheets", therapistToken, Map.of(
                "clientId", client.toString(), "title", "Thought record", "instructions", "Write down one thought a day",
                "dueDate", Instant.now().plus(7, ChronoUnit.DAYS).toString()))).get("id");
        world = new World(client, therapist, staff, admin, conversation, message, session, worksheet);

        Map<String, Object> description = ApiBodies.readingLargeBodies(http).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        schemas = map(map(description.get("components")).get("schemas"));
        operations = jsonWriteRoutes(description);
    }

    @AfterAll
    void howMuch() {
        System.out.printf("hostile input: %d write routes with JSON bodies, %d hostile requests%n", operations.size(),
                REQUESTS.get());
    }

    @Test
    void everyJsonWriteRouteIsFoundInTheApiDescription() {
        assertThat(operations).extracting(Operation::name).contains("POST /api/v1/conversations/{id}/messages",
                "PATCH /api/v1/sessions/{id}", "PUT /api/v1/portal/emergency-contacts", "POST /api/v1/auth/login",
                "POST /api/v1/billing/payments");
        assertThat(operations).hasSizeGreaterThan(35);
    }

    @TestFactory
    Stream<DynamicTest> everyWriteRouteRefusesHostileBodiesAndChangesNothing() {
        return operations.stream().map(operation -> DynamicTest.dynamicTest(operation.name(), () -> {
            Role role = roleFor(operation.path());
            String token = role == null ? null : world.tokenFor(tokens, role);
            String uri = fill(operation.path());
            Map<String, Object> before = state();
            for (Hostile hostile : hostile(operation.schema(), operation.bodyRequired())) {
                refused(operation, uri, token, hostile);
            }
            Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2_048)
                    .withSizeDistribution(RandomDistribution.uniform());
            noise.sampleStream().limit(RANDOM_BODIES_PER_ROUTE)
                    .forEach(bytes -> refused(operation, uri, token, new Hostile("random bytes", bytes, null)));
            assertThat(state()).as("the practice after hostile input to " + operation.name()).isEqualTo(before);
        }));
    }

    @Test
    void pathVariablesThatClimbOutOrCarrySqlAreRefused() {
        String therapist = world.tokenFor(tokens, Role.THERAPIST);
        for (String path : List.of("/api/v1/sessions/..%2F..%2Factuator%2Fenv", "/api/v1/sessions/" + SQL.replace(" ", "%20"),
                "/api/v1/worksheets/%00", "/api/v1/conversations/%7B%22%24gt%22%3A%22%22%7D/messages",
                "/api/v1/patients/..%5C..%5Cetc%5Cpasswd")) {
            EntityExchangeResult<byte[]> answer = http.get().uri(java.net.URI.create("http://localhost:" + port + path))
                    .headers(h -> h.setBearerAuth(therapist)).exchange().expectBody().returnResult();
            assertThat(answer.getStatus().is4xxClientError()).as(path + " answered " + answer.getStatus()).isTrue();
        }
    }

    @Test
    void aFileNameThatClimbsOutIsKeptOnlyAsAHarmlessName() {
        String therapist = world.tokenFor(tokens, Role.THERAPIST);
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", SampleFiles.text()).filename("../../../etc/cron.d/evil\u0000.txt");
        Map<String, Object> upload = http.post().uri("/api/v1/conversations/{id}/attachments", world.conversation())
                .headers(h -> h.setBearerAuth(therapist))
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        assertThat((String) upload.get("name")).doesNotContain("/", "\\", "..", "\u0000").endsWith(".txt");
    }

    /** One hostile body: what it is, its bytes, and the answer it must get when a particular one (else any 4xx). */
    private record Hostile(String what, byte[] body, HttpStatus expected) {

        static Hostile json(String what, String body) {
            return new Hostile(what, body.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private record Operation(HttpMethod method, String path, Map<String, Object> schema, boolean bodyRequired) {

        String name() {
            return method.name() + " " + path;
        }
    }

    private void refused(Operation operation, String uri, String token, Hostile hostile) {
        REQUESTS.incrementAndGet();
        EntityExchangeResult<byte[]> answer = http.method(operation.method()).uri(uri)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    h.set("Idempotency-Key", "hostile-" + UUID.randomUUID());
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(hostile.body())
                .exchange().expectBody().returnResult();
        String shown = operation.name() + " with " + hostile.what() + " answered " + answer.getStatus();
        assertThat(answer.getStatus().is4xxClientError()).as(shown).isTrue();
        if (hostile.expected() != null) {
            assertThat(answer.getStatus().value()).as(shown).isEqualTo(hostile.expected().value());
        }
        assertThat(answer.getResponseHeaders().getContentType()).as(shown)
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** The hostile bodies for a route whose body has {@code schema}. */
    private List<Hostile> hostile(Map<String, Object> schema, boolean bodyRequired) {
        List<Hostile> cases = new ArrayList<>(List.of(
                Hostile.json("malformed JSON", "{\"a\": "),
                Hostile.json("a bare string", "\"x\""),
                Hostile.json("a number", "42"),
                new Hostile("a body over the 64 KB limit", ("{\"x\":\"" + "a".repeat(70_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8), HttpStatus.CONTENT_TOO_LARGE)));
        if (bodyRequired) {
            // where the body is optional (submitting a worksheet without a written answer), none is fine
            cases.add(Hostile.json("an empty body", ""));
            cases.add(Hostile.json("JSON null", "null"));
        }
        Map<String, Object> resolved = resolve(schema);
        if ("array".equals(resolved.get("type"))) {
            cases.add(Hostile.json("an object where a list belongs", "{}"));
            cases.add(Hostile.json("a list of numbers", "[1, 2]"));
            Map<String, Object> item = resolve(map(resolved.get("items")));
            if (item.containsKey("properties")) {
                fieldCases(item).forEach((what, body) -> cases.add(Hostile.json(what + " in a list item",
                        "[" + write(body) + "]")));
            }
            return cases;
        }
        cases.add(Hostile.json("a list where an object belongs", "[]"));
        fieldCases(resolved).forEach((what, body) -> cases.add(Hostile.json(what, write(body))));
        return cases;
    }

    /** Bodies that are valid in every field but one, which is hostile. */
    private Map<String, Object> fieldCases(Map<String, Object> object) {
        Map<String, Object> valid = valid(object);
        Map<String, Object> cases = new LinkedHashMap<>();
        Map<String, Object> unknown = new LinkedHashMap<>(valid);
        unknown.put("isAdmin", true);
        cases.put("an unknown field", unknown);
        if (!required(object).isEmpty()) {
            cases.put("no fields at all", Map.of());
        }
        for (String field : required(object)) {
            Map<String, Object> missing = new LinkedHashMap<>(valid);
            missing.remove(field);
            cases.put("'" + field + "' missing", missing);
        }
        map(object.get("properties")).forEach((field, propertySchema) -> {
            Map<String, Object> property = resolve(map(propertySchema));
            String type = String.valueOf(property.get("type"));
            String format = (String) property.get("format");
            List<Object> wrong = switch (type) {
                case "string" -> format == null ? List.of(12345, true, List.of("x")) : List.of(true, 12.5, List.of());
                case "integer", "number" -> List.of("twelve", true, Map.of("$gt", 0));
                case "boolean" -> List.of("maybe", 7);
                case "array" -> List.of("x", 5, Map.of());
                default -> List.of(5, "x");
            };
            wrong.forEach(value -> cases.put("'" + field + "' of the wrong type " + write(value), with(valid, field, value)));
            if ("string".equals(type)) {
                cases.put("'" + field + "' as a MongoDB operator", with(valid, field, Map.of("$gt", "")));
                cases.put("'" + field + "' with a NUL character", with(valid, field, "before\u0000after"));
                if (property.get("enum") != null) {
                    cases.put("'" + field + "' an unknown choice", with(valid, field, "NOT_A_CHOICE"));
                }
                if (format != null || property.get("enum") != null) {
                    cases.put("'" + field + "' SQL where a " + Objects.requireNonNullElse(format, "choice")
                            + " belongs", with(valid, field, SQL));
                }
                if (property.get("maxLength") instanceof Number max && max.intValue() < 60_000) {
                    cases.put("'" + field + "' one character too long", with(valid, field, "a".repeat(max.intValue() + 1)));
                }
            }
            if ("integer".equals(type) || "number".equals(type)) {
                cases.put("'" + field + "' absurdly large", with(valid, field, new java.math.BigDecimal("1e400")));
            }
        });
        return cases;
    }

    /** A body the schema accepts in shape: every required field with a plausible value. */
    private Map<String, Object> valid(Map<String, Object> object) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : required(object)) {
            body.put(field, sample(resolve(map(map(object.get("properties")).get(field)))));
        }
        return body;
    }

    private Object sample(Map<String, Object> property) {
        if (property.get("enum") instanceof List<?> choices && !choices.isEmpty()) {
            return choices.get(0);
        }
        String format = (String) property.get("format");
        return switch (String.valueOf(property.get("type"))) {
            case "string" -> format == null ? "plain text" : switch (format) {
                case "uuid" -> world.client().toString();
                case "date-time" -> Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
                case "date" -> "1990-05-17";
                case "email" -> "someone@example.org";
                default -> "plain text";
            };
            case "integer" -> 1;
            case "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> property.containsKey("properties") ? valid(property) : Map.of();
            default -> "plain text";
        };
    }

    @SuppressWarnings("unchecked")
    private List<String> required(Map<String, Object> object) {
        return object.get("required") instanceof List<?> names ? (List<String>) names : List.of();
    }

    private static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.put(field, value);
        return body;
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring(((String) ref).lastIndexOf('/') + 1);
        return resolve(map(schemas.get(name)));
    }

    /** Every route that takes a JSON body, as the API description lists it. */
    private List<Operation> jsonWriteRoutes(Map<String, Object> description) {
        List<Operation> found = new ArrayList<>();
        new TreeMap<>(map(description.get("paths"))).forEach((path, item) -> map(item).forEach((method, operation) -> {
            Object requestBody = map(operation).get("requestBody");
            if (requestBody == null || List.of("get", "parameters").contains(method)) {
                return;
            }
            Object json = map(map(requestBody).get("content")).get(MediaType.APPLICATION_JSON_VALUE);
            if (json != null) {
                found.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path, map(map(json).get("schema")),
                        Boolean.TRUE.equals(map(requestBody).get("required"))));
            }
        }));
        return found;
    }

    /** Who may use the route, so the input reaches the code behind the role check. */
    private static Role roleFor(String path) {
        if (path.startsWith("/api/v1/auth/")) {
            return path.endsWith("/change-password") ? Role.CLIENT : null;
        }
        if (path.startsWith("/api/v1/portal/") || path.matches("/api/v1/worksheets/\\{id}/(submit|unsubmit)")
                || path.startsWith("/api/v1/billing/payments")) {
            return Role.CLIENT;
        }
        if (path.startsWith("/api/v1/admin/")) {
            return Role.ADMIN;
        }
        if (path.startsWith("/api/v1/billing/") || path.endsWith("/assignments")) {
            return Role.STAFF;
        }
        return Role.THERAPIST;
    }

    /** Path variables filled with the world's real objects, or an unknown id where there is none. */
    private String fill(String path) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String before = path.substring(0, variable.start());
            String value = switch (variable.group(1)) {
                case "clientId" -> world.client().toString();
                case "therapistId" -> world.therapist().toString();
                case "userId" -> world.client().toString();
                case "code" -> "90834";
                case "emoji" -> "\uD83D\uDC4D";
                case "yearMonth" -> "2026-11";
                default -> before.endsWith("/conversations/") ? world.conversation()
                        : before.endsWith("/messages/") ? world.message()
                        : before.endsWith("/sessions/") ? world.session()
                        : before.endsWith("/worksheets/") ? world.worksheet()
                        : UUID.randomUUID().toString();
            };
            variable.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    /** The practice as its people read it through the API. */
    private Map<String, Object> state() {
        String client = world.tokenFor(tokens, Role.CLIENT);
        String therapist = world.tokenFor(tokens, Role.THERAPIST);
        String staff = world.tokenFor(tokens, Role.STAFF);
        Map<String, Object> state = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/conversations", "/api/v1/conversations/" + world.conversation(),
                "/api/v1/conversations/" + world.conversation() + "/messages", "/api/v1/sessions",
                "/api/v1/sessions/" + world.session(), "/api/v1/worksheets", "/api/v1/worksheets/" + world.worksheet(),
                "/api/v1/patients", "/api/v1/patients/" + world.client(), "/api/v1/blocks", "/api/v1/users/me",
                "/api/v1/patients/" + world.client() + "/assessments")) {
            state.put("therapist " + path, read(path, therapist));
        }
        for (String path : List.of("/api/v1/portal/profile", "/api/v1/portal/emergency-contacts",
                "/api/v1/portal/notification-preferences", "/api/v1/portal/mood-entries",
                "/api/v1/portal/therapist-change-requests", "/api/v1/portal/assessments", "/api/v1/billing/balance",
                "/api/v1/billing/charges", "/api/v1/billing/payments", "/api/v1/blocks", "/api/v1/users/me")) {
            state.put("client " + path, read(path, client));
        }
        for (String path : List.of("/api/v1/billing/service-codes", "/api/v1/billing/providers/" + world.therapist(),
                "/api/v1/portal/therapist-change-requests")) {
            state.put("staff " + path, read(path, staff));
        }
        return state;
    }

    private Object read(String path, String token) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(ANY).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> ok(WebTestClient.ResponseSpec response) {
        return response.expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(WebTestClient.ResponseSpec response) {
        return (List<Map<String, Object>>) ok(response).get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static String write(Object value) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(value);
    }
}
