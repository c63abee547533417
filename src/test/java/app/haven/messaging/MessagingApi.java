package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import app.haven.shared.Role;
import app.haven.support.ApiBodies;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * The messaging routes called the way the apps call them, for the messaging tests: people with
 * their tokens, conversations, messages, receipts, reactions, blocks and search, and the problems
 * they answer. Every person is a real account, created fresh by the test that uses them.
 */
final class MessagingApi {

    static final String CONVERSATIONS = "/api/v1/conversations";
    static final String MESSAGES = "/api/v1/messages";
    static final String BLOCKS = "/api/v1/blocks";
    static final String USER_SEARCH = "/api/v1/users/search";
    static final String ACCESS_AUDIT = "/api/v1/admin/audit";
    static final Duration EVENTUALLY = Duration.ofSeconds(15);
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    /** A real account and an access token of its own. */
    record Person(UUID id, Role role, String token) {

        String idText() {
            return id.toString();
        }
    }

    private final WebTestClient http;
    private final TestTokens tokens;
    private final TestPeople people;

    MessagingApi(WebTestClient http, TestTokens tokens, TestPeople people) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.tokens = tokens;
        this.people = people;
    }

    // ---- people

    Person client() {
        return client("Casey", "Client" + tag());
    }

    Person client(String firstName, String lastName) {
        return person(people.client(firstName, lastName), Role.CLIENT);
    }

    Person therapist() {
        return therapist("Theo", "Therapist" + tag());
    }

    Person therapist(String firstName, String lastName) {
        return person(people.therapist(firstName, lastName), Role.THERAPIST);
    }

    Person staff() {
        return staff("Sam", "Staff" + tag());
    }

    Person staff(String firstName, String lastName) {
        return person(people.create(Role.STAFF, firstName, lastName), Role.STAFF);
    }

    Person admin() {
        return person(people.admin(), Role.ADMIN);
    }

    Person person(UUID id, Role role) {
        return new Person(id, role, tokens.of(id, role));
    }

    String staffToken() {
        return tokens.of(UUID.randomUUID(), Role.STAFF);
    }

    // ---- plain requests

    WebTestClient.ResponseSpec get(Person caller, Function<UriBuilder, java.net.URI> uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    WebTestClient.ResponseSpec get(Person caller, String path, Object... variables) {
        return http.get().uri(path, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    WebTestClient.ResponseSpec send(HttpMethod method, Person caller, Object body, String path, Object... variables) {
        return http.method(method).uri(path, variables)
                .headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec post(Person caller, Object body, String path, Object... variables) {
        return send(HttpMethod.POST, caller, body, path, variables);
    }

    /** A POST without a body, as the "mark read" routes take. */
    WebTestClient.ResponseSpec postWithoutBody(Person caller, String path, Object... variables) {
        return http.post().uri(path, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    WebTestClient.ResponseSpec put(Person caller, Object body, String path, Object... variables) {
        return send(HttpMethod.PUT, caller, body, path, variables);
    }

    WebTestClient.ResponseSpec patch(Person caller, Object body, String path, Object... variables) {
        return send(HttpMethod.PATCH, caller, body, path, variables);
    }

    WebTestClient.ResponseSpec delete(Person caller, String path, Object... variables) {
        return http.delete().uri(path, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    // ---- caseloads and sessions (the patients module)

    /** Staff make {@code therapist} the therapist of {@code client}. */
    void assign(Person client, Person therapist) {
        http.post().uri("/api/v1/patients/{clientId}/assignments", client.id())
                .headers(h -> h.setBearerAuth(staffToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("therapistId", therapist.id()))
                .exchange()
                .expectStatus().isCreated();
    }

    /** A session the assigned therapist books with the client a few days ahead; answers its id. */
    String scheduleSession(Person therapist, Person client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.id());
        body.put("startsAt", Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("durationMinutes", 50);
        body.put("type", "INDIVIDUAL");
        return (String) json(post(therapist, body, "/api/v1/sessions"), HttpStatus.CREATED).get("id");
    }

    /**
     * The DIRECT conversation staff opened for client and therapist by assigning them (it opens on
     * an event, so a little later); answers its id.
     */
    String awaitTherapyConversation(Person client, Person therapist) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<Map<String, Object>> direct = conversations(client).stream()
                    .filter(conversation -> "DIRECT".equals(conversation.get("type")))
                    .filter(conversation -> participantIds(conversation).contains(therapist.id()))
                    .toList();
            assertThat(direct).as("the DIRECT conversation of %s and %s", client.id(), therapist.id()).hasSize(1);
            id.set((String) direct.get(0).get("id"));
        });
        return id.get();
    }

    // ---- conversations

    WebTestClient.ResponseSpec open(Person caller, String type, List<?> participantIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("participantIds", participantIds.stream().map(String::valueOf).toList());
        return post(caller, body, CONVERSATIONS);
    }

    WebTestClient.ResponseSpec openDirect(Person caller, Person other) {
        return open(caller, "DIRECT", List.of(other.id()));
    }

    /** A DIRECT conversation that did not exist before: 201. */
    Map<String, Object> newDirect(Person caller, Person other) {
        return json(openDirect(caller, other), HttpStatus.CREATED);
    }

    String newDirectId(Person caller, Person other) {
        return (String) newDirect(caller, other).get("id");
    }

    WebTestClient.ResponseSpec openGroup(Person creator, String type, String title, Person... others) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("participantIds", Arrays.stream(others).map(Person::idText).toList());
        if (title != null) {
            body.put("title", title);
        }
        return post(creator, body, CONVERSATIONS);
    }

    Map<String, Object> newGroup(Person creator, String title, Person... others) {
        return json(openGroup(creator, "GROUP", title, others), HttpStatus.CREATED);
    }

    String newGroupId(Person creator, Person... others) {
        return (String) newGroup(creator, "Group " + tag(), others).get("id");
    }

    WebTestClient.ResponseSpec openSession(Person caller, String sessionId, List<?> participantIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "SESSION");
        body.put("sessionId", sessionId);
        body.put("participantIds", participantIds.stream().map(String::valueOf).toList());
        return post(caller, body, CONVERSATIONS);
    }

    WebTestClient.ResponseSpec getConversation(Person caller, String conversationId) {
        return get(caller, CONVERSATIONS + "/{id}", conversationId);
    }

    Map<String, Object> conversation(Person caller, String conversationId) {
        return json(getConversation(caller, conversationId), HttpStatus.OK);
    }

    /** One page of the caller's conversations with the given query parameters (name, value, ...). */
    Map<String, Object> conversationPage(Person caller, Object... query) {
        return json(get(caller, uri -> withQuery(uri.path(CONVERSATIONS), query).build()), HttpStatus.OK);
    }

    /** The first page (up to 100) of the caller's conversations. */
    List<Map<String, Object>> conversations(Person caller, Object... query) {
        return items(conversationPage(caller, withLimit(query, 100)));
    }

    List<String> conversationIds(Person caller, Object... query) {
        return ids(conversations(caller, query));
    }

    WebTestClient.ResponseSpec patchConversation(Person caller, String conversationId, Map<String, Object> changes) {
        return patch(caller, changes, CONVERSATIONS + "/{id}", conversationId);
    }

    WebTestClient.ResponseSpec addParticipant(Person caller, String conversationId, Person newcomer) {
        return post(caller, Map.of("userId", newcomer.idText()), CONVERSATIONS + "/{id}/participants", conversationId);
    }

    WebTestClient.ResponseSpec removeParticipant(Person caller, String conversationId, Person leaving) {
        return delete(caller, CONVERSATIONS + "/{id}/participants/{userId}", conversationId, leaving.id());
    }

    WebTestClient.ResponseSpec readConversation(Person caller, String conversationId) {
        return postWithoutBody(caller, CONVERSATIONS + "/{id}/read", conversationId);
    }

    // ---- messages

    WebTestClient.ResponseSpec sendMessage(Person sender, String conversationId, Map<String, Object> body) {
        return post(sender, body, CONVERSATIONS + "/{id}/messages", conversationId);
    }

    WebTestClient.ResponseSpec sendText(Person sender, String conversationId, String content) {
        return sendMessage(sender, conversationId, Map.of("content", content, "type", "TEXT"));
    }

    /** A TEXT message that is sent: 201; answers the message. */
    Map<String, Object> sent(Person sender, String conversationId, String content) {
        return json(sendText(sender, conversationId, content), HttpStatus.CREATED);
    }

    String sentId(Person sender, String conversationId, String content) {
        return (String) sent(sender, conversationId, content).get("id");
    }

    // ---- attachments

    WebTestClient.ResponseSpec upload(Person caller, String conversationId, String filename, byte[] bytes) {
        return http.post().uri(CONVERSATIONS + "/{id}/attachments", conversationId)
                .headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(SampleFiles.multipart(filename, bytes))
                .exchange();
    }

    /** An upload that is accepted: 201; answers the reference to attach. */
    Map<String, Object> uploaded(Person caller, String conversationId, String filename, byte[] bytes) {
        return json(upload(caller, conversationId, filename, bytes), HttpStatus.CREATED);
    }

    WebTestClient.ResponseSpec download(Person caller, String conversationId, Object fileId) {
        return get(caller, CONVERSATIONS + "/{id}/attachments/{fileId}", conversationId, fileId);
    }

    WebTestClient.ResponseSpec getMessages(Person caller, String conversationId, Object... query) {
        return get(caller, uri -> withQuery(uri.path(CONVERSATIONS + "/{id}/messages"), query).build(conversationId));
    }

    /** One page of a conversation's messages, newest first. */
    List<Map<String, Object>> messages(Person caller, String conversationId, Object... query) {
        return items(json(getMessages(caller, conversationId, query), HttpStatus.OK));
    }

    /** The conversation's latest messages (up to 100), newest first. */
    List<Map<String, Object>> history(Person caller, String conversationId) {
        return messages(caller, conversationId, "limit", 100);
    }

    Map<String, Object> message(Person caller, String conversationId, String messageId) {
        return history(caller, conversationId).stream()
                .filter(message -> messageId.equals(message.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("message " + messageId + " is not in the history"));
    }

    WebTestClient.ResponseSpec edit(Person caller, String messageId, String content) {
        return put(caller, Map.of("content", content), MESSAGES + "/{id}", messageId);
    }

    WebTestClient.ResponseSpec deleteMessage(Person caller, String messageId) {
        return delete(caller, MESSAGES + "/{id}", messageId);
    }

    WebTestClient.ResponseSpec edits(Person caller, String messageId) {
        return get(caller, MESSAGES + "/{id}/edits", messageId);
    }

    WebTestClient.ResponseSpec readMessage(Person caller, String messageId) {
        return postWithoutBody(caller, MESSAGES + "/{id}/read", messageId);
    }

    WebTestClient.ResponseSpec react(Person caller, String messageId, String emoji) {
        return post(caller, Map.of("emoji", emoji), MESSAGES + "/{id}/reactions", messageId);
    }

    WebTestClient.ResponseSpec unreact(Person caller, String messageId, String emoji) {
        return delete(caller, MESSAGES + "/{id}/reactions/{emoji}", messageId, emoji);
    }

    Map<String, Object> unreadCount(Person caller) {
        Map<String, Object> counts = json(get(caller, MESSAGES + "/unread-count"), HttpStatus.OK);
        assertThat(counts).containsKeys("total", "byConversation");
        return counts;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> unreadByConversation(Person caller) {
        return (Map<String, Object>) unreadCount(caller).get("byConversation");
    }

    WebTestClient.ResponseSpec search(Person caller, Object... query) {
        return get(caller, uri -> withQuery(uri.path(MESSAGES + "/search"), query).build());
    }

    Map<String, Object> searchPage(Person caller, Object... query) {
        return json(search(caller, query), HttpStatus.OK);
    }

    /** The ids of the first page (up to 100) of the caller's messages matching {@code q}. */
    List<String> found(Person caller, String q, Object... query) {
        Object[] all = Arrays.copyOf(query, query.length + 4);
        all[query.length] = "q";
        all[query.length + 1] = q;
        all[query.length + 2] = "limit";
        all[query.length + 3] = 100;
        return ids(items(searchPage(caller, all)));
    }

    // ---- blocks

    WebTestClient.ResponseSpec block(Person caller, Person blocked, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", blocked.idText());
        if (reason != null) {
            body.put("reason", reason);
        }
        return post(caller, body, BLOCKS);
    }

    WebTestClient.ResponseSpec unblock(Person caller, Person blocked) {
        return delete(caller, BLOCKS + "/{userId}", blocked.id());
    }

    List<Map<String, Object>> blocks(Person caller) {
        return items(json(get(caller, BLOCKS), HttpStatus.OK));
    }

    /** The ids of the people {@code GET /users/search} finds for the caller. */
    List<UUID> peopleFound(Person caller, String q) {
        Map<String, Object> page = json(get(caller, uri -> uri.path(USER_SEARCH).queryParam("q", q).build()),
                HttpStatus.OK);
        return items(page).stream().map(person -> UUID.fromString((String) person.get("id"))).toList();
    }

    // ---- answers

    static Object[] withLimit(Object[] query, int limit) {
        Object[] all = Arrays.copyOf(query, query.length + 2);
        all[query.length] = "limit";
        all[query.length + 1] = limit;
        return all;
    }

    static UriBuilder withQuery(UriBuilder uri, Object... query) {
        for (int i = 0; i < query.length; i += 2) {
            uri.queryParam((String) query[i], String.valueOf(query[i + 1]));
        }
        return uri;
    }

    static Map<String, Object> json(WebTestClient.ResponseSpec response, HttpStatus status) {
        return Objects.requireNonNull(response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JSON).returnResult().getResponseBody());
    }

    /** A success without a body, as 204 answers are. */
    static void noContent(WebTestClient.ResponseSpec response) {
        response.expectStatus().isNoContent().expectBody().isEmpty();
    }

    /** An RFC 9457 problem with the given status, as every refusal must be; answers its body. */
    static Map<String, Object> problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return ApiBodies.problem(response, status);
    }

    /** A problem whose status is one of {@code statuses} (where the brief allows either); answers it. */
    static Map<String, Object> problemOneOf(WebTestClient.ResponseSpec response, HttpStatus... statuses) {
        EntityExchangeResult<Map<String, Object>> result = response.expectBody(JSON).returnResult();
        List<Integer> allowed = Arrays.stream(statuses).map(HttpStatus::value).toList();
        assertThat(result.getStatus().value()).as("status of %s", result.getUrl()).isIn(allowed);
        assertThat(result.getResponseHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .as(type.toString()).isTrue());
        Map<String, Object> problem = Objects.requireNonNull(result.getResponseBody());
        assertThat(problem).containsEntry("status", result.getStatus().value()).containsKeys("type", "title", "detail");
        return problem;
    }

    /** The "blocked" problem: 403 whose type ends in {@code /blocked}. */
    static Map<String, Object> blockedProblem(WebTestClient.ResponseSpec response) {
        Map<String, Object> problem = problem(response, HttpStatus.FORBIDDEN);
        assertThat((String) problem.get("type")).endsWith("/blocked");
        return problem;
    }

    /** The {@code errors[].field} names of a validation problem. */
    static List<String> errorFields(Map<String, Object> problem) {
        return ApiBodies.errorFields(problem);
    }

    static List<Map<String, Object>> items(Map<String, Object> page) {
        return ApiBodies.items(page);
    }

    static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("id")).toList();
    }

    static List<String> contents(List<Map<String, Object>> messages) {
        return messages.stream().map(message -> (String) message.get("content")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> participants(Map<String, Object> conversation) {
        return (List<Map<String, Object>>) conversation.get("participants");
    }

    static List<UUID> participantIds(Map<String, Object> conversation) {
        return participants(conversation).stream().map(p -> UUID.fromString((String) p.get("userId"))).toList();
    }

    /** The role of {@code person} in the conversation, or null. */
    static String roleOf(Map<String, Object> conversation, Person person) {
        return participants(conversation).stream()
                .filter(p -> person.idText().equals(p.get("userId")))
                .map(p -> (String) p.get("role"))
                .findFirst().orElse(null);
    }

    /** The ids of the people in a message's {@code readBy}. */
    @SuppressWarnings("unchecked")
    static List<UUID> readBy(Map<String, Object> message) {
        List<Map<String, Object>> readBy = (List<Map<String, Object>>) message.get("readBy");
        assertThat(readBy).as("readBy of %s", message.get("id")).isNotNull();
        readBy.forEach(receipt -> assertThat(receipt.get("readAt")).as("readAt").isNotNull());
        return readBy.stream().map(receipt -> UUID.fromString((String) receipt.get("userId"))).toList();
    }

    /** The reactions of a message, emoji to the ids of the people who chose it. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> reactions(Map<String, Object> message) {
        List<Map<String, Object>> reactions = (List<Map<String, Object>>) message.get("reactions");
        assertThat(reactions).as("reactions of %s", message.get("id")).isNotNull();
        Map<String, List<String>> byEmoji = new LinkedHashMap<>();
        reactions.forEach(reaction -> byEmoji.put((String) reaction.get("emoji"), (List<String>) reaction.get("userIds")));
        return byEmoji;
    }

    /** Every item of a cursor-paged list, walked page by page with {@code nextCursor}. */
    static List<String> walk(Function<String, Map<String, Object>> page, int maxPages) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < maxPages; pages++) {
            Map<String, Object> answer = page.apply(cursor);
            seen.addAll(ids(items(answer)));
            cursor = (String) answer.get("nextCursor");
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("still more pages after " + maxPages + ": " + seen);
    }

    /** Letters that never occur in a UUID (so never in the tests' email addresses), as one search word. */
    static String tag() {
        String letters = "ghjkmnpqrstvwxyz";
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            tag.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return tag.toString();
    }

    /** A MongoDB ObjectId nobody was handed. */
    static String unknownConversationId() {
        StringBuilder hex = new StringBuilder("ffffff");
        for (int i = 0; i < 18; i++) {
            hex.append(Integer.toHexString(ThreadLocalRandom.current().nextInt(16)));
        }
        return hex.toString();
    }
}
