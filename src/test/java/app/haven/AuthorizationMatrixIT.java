package app.haven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.messaging.handler.DestinationPatternsMessageCondition;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.messaging.rsocket.annotation.support.RSocketFrameTypeMessageCondition;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import app.haven.shared.Role;
import app.haven.support.ApiBodies;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import io.rsocket.exceptions.InvalidException;
import io.rsocket.exceptions.RejectedException;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.frame.FrameType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix: every HTTP route and every RSocket route of Haven, called by every
 * kind of caller, answers exactly what the rules say. One row per route (a few routes have two
 * rows, one per meaning of their body), one column per caller, and in each cell the answer: any
 * 2xx, 401, 403, or 404 for an object that exists but is not the caller's (Haven hides existence).
 * <p>
 * The callers share one small practice, the world: a client (the owner of the objects) with their
 * therapist, another client with another therapist, a member of staff and an administrator, all
 * real accounts. Cells that change or consume an object (delete, cancel, refund, submit, decide)
 * get a fresh object of their own, so no cell depends on another and the order does not matter.
 * A few rows also name what an answer must not carry to some callers (session notes, another
 * person's message, another therapist's client), since a 200 can leak as much as a wrong status.
 * <p>
 * The routes are read from the running application (the WebFlux handler mappings and the RSocket
 * message handler), so a route added without a row fails the matrix, naming it; a row whose route
 * no longer exists fails too. The actuator rows are explicit: their routes live elsewhere.
 * <p>
 * Over RSocket a connection without a valid token is refused at setup: that is the 401 column.
 * Refusals come back as error frames, read here as HTTP would say them ("... not found" is 404,
 * "Not allowed" is 403). Streams that are allowed simply stay open; the presence stream answers
 * everyone but leaves out people the caller may not see, so there "told nothing" is the 404.
 * Fire-and-forget routes are called as request-response (Spring serves both on a route that
 * answers nothing), so their refusals can be seen. RSocket rows use TCP; WebSocket shares the
 * same responder and security (RSocketTransportsIT).
 */
@HavenTest
class AuthorizationMatrixIT {

    /** The columns. */
    enum Caller {
        ANONYMOUS(null), CLIENT_OWN(Role.CLIENT), CLIENT_OTHER(Role.CLIENT), THERAPIST_ASSIGNED(Role.THERAPIST),
        THERAPIST_OTHER(Role.THERAPIST), STAFF(Role.STAFF), ADMIN(Role.ADMIN);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /** What a cell may answer. */
    enum Answer {
        OK(0), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404);

        final int status;

        Answer(int status) {
            this.status = status;
        }

        boolean accepts(int answered) {
            return this == OK ? answered >= 200 && answered < 300 : answered == status;
        }

        @Override
        public String toString() {
            return this == OK ? "2xx" : String.valueOf(status);
        }
    }

    private static final Answer OK = Answer.OK;
    private static final Answer UNAUTHORIZED = Answer.UNAUTHORIZED;
    private static final Answer FORBIDDEN = Answer.FORBIDDEN;
    private static final Answer NOT_FOUND = Answer.NOT_FOUND;

    // The usual shapes of a row, callers in column order:
    // ANONYMOUS, CLIENT_OWN, CLIENT_OTHER, THERAPIST_ASSIGNED, THERAPIST_OTHER, STAFF, ADMIN
    private static final Map<Caller, Answer> PUBLIC = expect(OK, OK, OK, OK, OK, OK, OK);
    /** Any signed-in person, each about their own things. */
    private static final Map<Caller, Answer> SIGNED_IN = expect(UNAUTHORIZED, OK, OK, OK, OK, OK, OK);
    private static final Map<Caller, Answer> ADMIN_ONLY = expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, FORBIDDEN,
            FORBIDDEN, FORBIDDEN, OK);
    private static final Map<Caller, Answer> STAFF_AND_ADMIN = expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, FORBIDDEN,
            FORBIDDEN, OK, OK);
    /** The client's own portal: any client, about themselves; no other role. */
    private static final Map<Caller, Answer> CLIENTS = expect(UNAUTHORIZED, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN,
            FORBIDDEN);
    /** The conversation's participants (the client and their therapist); to anyone else it does not exist. */
    private static final Map<Caller, Answer> PARTICIPANTS = expect(UNAUTHORIZED, OK, NOT_FOUND, OK, NOT_FOUND,
            NOT_FOUND, NOT_FOUND);
    /** A worksheet is the client's and their therapist's; to anyone else, whatever their role, it does not exist. */
    private static final Map<Caller, Answer> CLIENT_AND_THERAPIST = PARTICIPANTS;
    private static final Map<Caller, Answer> ITS_CLIENT = expect(UNAUTHORIZED, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND,
            NOT_FOUND, NOT_FOUND);
    private static final Map<Caller, Answer> ITS_THERAPIST = expect(UNAUTHORIZED, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND,
            NOT_FOUND, NOT_FOUND);
    /** The sender of a message; the other participant may see it but not change it. */
    private static final Map<Caller, Answer> ITS_SENDER = expect(UNAUTHORIZED, OK, NOT_FOUND, FORBIDDEN, NOT_FOUND,
            NOT_FOUND, NOT_FOUND);
    /** Billing: the client their own, staff anyone's, therapists nobody's. */
    private static final Map<Caller, Answer> OWN_BILLING = expect(UNAUTHORIZED, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN,
            OK, OK);

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long an allowed stream is watched to see that it stays open (a refusal comes at once). */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final ParameterizedTypeReference<Map<String, Object>> EVENT = new ParameterizedTypeReference<>() { };
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MAILED_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = TestPeople.PASSWORD;

    private static final String SESSION = "/api/v1/sessions/{id}";
    private static final String WORKSHEET = "/api/v1/worksheets/{id}";
    private static final String CONVERSATIONS = "/api/v1/conversations";
    private static final String CONVERSATION = "/api/v1/conversations/{id}";
    private static final String MESSAGE = "/api/v1/messages/{id}";
    private static final String CHANGE_REQUESTS = "/api/v1/portal/therapist-change-requests";

    @Autowired TestTokens tokens;
    @Autowired ApplicationContext context;
    @Autowired WebTestClient server;
    @Autowired RSocketMessageHandler rsocketHandler;
    @Autowired ObjectProvider<RSocketRequester.Builder> rsocketBuilders;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    private WebTestClient http;
    private TestPeople people;
    private World world;
    private final AtomicInteger slots = new AtomicInteger();
    private final Set<String> usedMailTokens = ConcurrentHashMap.newKeySet();
    private final Map<Caller, RSocketRequester> connections = new ConcurrentHashMap<>();
    private final List<RSocketRequester> anonymousConnections = new CopyOnWriteArrayList<>();

    @AfterEach
    void disconnect() {
        connections.values().forEach(RSocketRequester::dispose);
        anonymousConnections.forEach(RSocketRequester::dispose);
    }

    @TestFactory
    Stream<DynamicNode> everyRouteAnswersEveryCallerAsTheRulesSay() {
        http = ApiBodies.readingLargeBodies(server.mutate().responseTimeout(PATIENCE).build());
        people = TestPeople.on(tokens, http);
        world = buildWorld();
        List<Row> httpRows = httpRows(world);
        List<Row> rsocketRows = rsocketRows(world);
        Map<String, String> httpRoutes = havenHttpRoutes();
        Map<String, String> rsocketRoutes = havenRSocketRoutes();
        System.out.printf("Authorization matrix: %d HTTP routes of Haven in %d rows (with the actuator's), %d RSocket"
                        + " routes in %d rows, %d callers, %d cells%n", httpRoutes.size(), httpRows.size(),
                rsocketRoutes.size(), rsocketRows.size(), Caller.values().length,
                (httpRows.size() + rsocketRows.size()) * Caller.values().length);
        return Stream.of(
                dynamicTest("every HTTP route of Haven has a row, and every row is a route",
                        () -> everyRouteHasARow("HTTP", httpRoutes, httpRows, route -> route.startsWith("GET /actuator/"))),
                dynamicTest("every RSocket route of Haven has a row, and every row is a route",
                        () -> everyRouteHasARow("RSocket", rsocketRoutes, rsocketRows, route -> false)),
                dynamicContainer("HTTP", httpRows.stream().map(this::cells)),
                dynamicContainer("RSocket", rsocketRows.stream().map(this::cells)));
    }

    // ---- the HTTP table

    private List<Row> httpRows(World w) {
        return List.of(
                // identity: signing in and everything around passwords is public, except changing it
                row("POST /api/v1/auth/register", c -> c.post("/api/v1/auth/register", Map.of("email", newEmail(),
                        "password", PASSWORD, "firstName", "Rae", "lastName", "Matrix")), PUBLIC),
                row("POST /api/v1/auth/verify-email",
                        c -> c.post("/api/v1/auth/verify-email", Map.of("token", verificationToken())), PUBLIC),
                row("POST /api/v1/auth/login", c -> c.post("/api/v1/auth/login",
                        Map.of("email", w.signer.email(), "password", PASSWORD)), PUBLIC),
                row("POST /api/v1/auth/refresh",
                        c -> c.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken(w.signer))), PUBLIC),
                row("POST /api/v1/auth/logout",
                        c -> c.post("/api/v1/auth/logout", Map.of("refreshToken", refreshToken(w.signer))), PUBLIC),
                row("POST /api/v1/auth/forgot-password",
                        c -> c.post("/api/v1/auth/forgot-password", Map.of("email", w.forgetful.email())), PUBLIC),
                row("POST /api/v1/auth/reset-password", c -> c.post("/api/v1/auth/reset-password",
                        Map.of("token", resetToken(w.forgetful), "newPassword", "a new long passphrase " + tag())), PUBLIC),
                row("POST /api/v1/auth/change-password", c -> c.post("/api/v1/auth/change-password",
                        Map.of("currentPassword", PASSWORD, "newPassword", "a changed long passphrase " + tag())),
                        SIGNED_IN),
                row("GET /api/v1/users/me", c -> c.get("/api/v1/users/me"), SIGNED_IN),
                row("GET /api/v1/users/search", c -> c.get("/api/v1/users/search?q={q}", "Own"), SIGNED_IN)
                        .hiding("a client outside their care team", w.clientOwn.toString(), Caller.CLIENT_OTHER,
                                Caller.THERAPIST_OTHER),
                row("POST /api/v1/admin/users", c -> c.post("/api/v1/admin/users", Map.of("email", newEmail(),
                        "password", PASSWORD, "firstName", "Nia", "lastName", "Matrix", "role", "CLIENT")), ADMIN_ONLY),
                row("GET /api/v1/admin/security-events", c -> c.get("/api/v1/admin/security-events"), ADMIN_ONLY),
                row("GET /api/v1/admin/audit", c -> c.get("/api/v1/admin/audit?subjectId={id}", w.clientOwn), ADMIN_ONLY),
                row("GET /.well-known/jwks.json", c -> c.get("/.well-known/jwks.json"), PUBLIC),
                // embedded mode only, and public by design (WebSecurityConfiguration.PUBLIC_ROUTES)
                row("GET /api/v1/dev/outbox", c -> c.get("/api/v1/dev/outbox"), PUBLIC),
                row("GET /api/v1/dev/texts", c -> c.get("/api/v1/dev/texts"), PUBLIC),

                // patients: the panel is for clinicians; a therapist sees their own caseload only
                row("GET /api/v1/patients", c -> c.get("/api/v1/patients?limit=100"),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, OK, OK, OK))
                        .hiding("another therapist's client", w.clientOwn.toString(), Caller.THERAPIST_OTHER),
                row("GET /api/v1/patients/stats", c -> c.get("/api/v1/patients/stats"),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, OK, OK, OK)),
                row("GET /api/v1/patients/{clientId}", c -> c.get("/api/v1/patients/{id}", w.clientOwn),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, OK, OK))
                        .hiding("session notes", w.sessionNotes, Caller.values()),
                row("PATCH /api/v1/patients/{clientId}", c -> c.patch("/api/v1/patients/{id}",
                                Map.of("treatmentPlan", "Weekly CBT, review in March"), w.clientOwn),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN)),
                // the same therapist again: nothing changes, but the answer is the route's
                row("POST /api/v1/patients/{clientId}/assignments", c -> c.post("/api/v1/patients/{id}/assignments",
                        Map.of("therapistId", w.therapistAssigned), w.clientOwn), STAFF_AND_ADMIN),
                row("POST /api/v1/patients/{clientId}/assessments", c -> c.post("/api/v1/patients/{id}/assessments",
                                Map.of("instrument", "GAD7"), w.clientOwn),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN)),
                row("GET /api/v1/patients/{clientId}/assessments",
                        c -> c.get("/api/v1/patients/{id}/assessments", w.clientOwn),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN)),

                // sessions: the client sees and cancels their own; their therapist and staff manage
                // them; only the therapist who held it writes (and reads) the notes
                row("POST /api/v1/sessions", c -> c.post("/api/v1/sessions", booking()),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, OK, OK)),
                row("GET /api/v1/sessions", c -> c.get("/api/v1/sessions?limit=100"), SIGNED_IN)
                        .hiding("another client's session", w.session, Caller.CLIENT_OTHER, Caller.THERAPIST_OTHER)
                        .hiding("session notes", w.sessionNotes, Caller.values()),
                row("GET /api/v1/sessions/{id}", c -> c.get(SESSION, w.session),
                        expect(UNAUTHORIZED, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK))
                        .hiding("session notes", w.sessionNotes, Caller.CLIENT_OWN, Caller.STAFF, Caller.ADMIN),
                row("PATCH /api/v1/sessions/{id}", "moving it", c -> c.patch(SESSION,
                                Map.of("durationMinutes", 50), w.session),
                        expect(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, OK, NOT_FOUND, OK, OK)),
                row("PATCH /api/v1/sessions/{id}", "its notes", c -> c.patch(SESSION,
                                Map.of("notes", w.sessionNotes), w.session),
                        expect(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN)),
                row("POST /api/v1/sessions/{id}/complete", c -> c.post(SESSION + "/complete",
                                Map.of("notes", "Worked on sleep."), freshSession()),
                        expect(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN)),
                row("POST /api/v1/sessions/{id}/cancel", c -> c.post(SESSION + "/cancel",
                                Map.of("reason", "Unwell"), freshSession()),
                        expect(UNAUTHORIZED, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK)),
                row("POST /api/v1/sessions/{id}/no-show", c -> c.post(SESSION + "/no-show", null, freshSession()),
                        expect(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, OK, NOT_FOUND, OK, OK)),

                // worksheets: the client and their therapist, each for their own part; staff read none
                row("GET /api/v1/worksheets", c -> c.get("/api/v1/worksheets?limit=100"),
                        expect(UNAUTHORIZED, OK, OK, OK, OK, FORBIDDEN, FORBIDDEN))
                        .hiding("another client's worksheet", w.worksheet, Caller.CLIENT_OTHER, Caller.THERAPIST_OTHER),
                row("POST /api/v1/worksheets", c -> c.post("/api/v1/worksheets", worksheetFor(w.clientOwn)),
                        ITS_THERAPIST),
                row("GET /api/v1/worksheets/{id}", c -> c.get(WORKSHEET, w.worksheet), CLIENT_AND_THERAPIST),
                row("PATCH /api/v1/worksheets/{id}", c -> c.patch(WORKSHEET,
                        Map.of("title", "Thought record, revised"), w.worksheet), ITS_THERAPIST),
                row("DELETE /api/v1/worksheets/{id}", c -> c.delete(WORKSHEET, freshWorksheet()), ITS_THERAPIST),
                row("POST /api/v1/worksheets/{id}/materials",
                        c -> c.upload(WORKSHEET + "/materials", uniqueText(), w.worksheet), ITS_THERAPIST),
                row("POST /api/v1/worksheets/{id}/submissions",
                        c -> c.upload(WORKSHEET + "/submissions", uniqueText(), w.worksheet), ITS_CLIENT),
                row("DELETE /api/v1/worksheets/{id}/submissions/{fileId}", c -> {
                    String[] handedIn = worksheetWithSubmission();
                    return c.delete(WORKSHEET + "/submissions/{fileId}", handedIn[0], handedIn[1]);
                }, ITS_CLIENT),
                row("GET /api/v1/worksheets/{id}/files/{fileId}",
                        c -> c.get(WORKSHEET + "/files/{fileId}", w.worksheet, w.material), CLIENT_AND_THERAPIST),
                row("POST /api/v1/worksheets/{id}/submit",
                        c -> c.post(WORKSHEET + "/submit", Map.of("response", "Done"), freshWorksheet()), ITS_CLIENT),
                row("POST /api/v1/worksheets/{id}/unsubmit",
                        c -> c.post(WORKSHEET + "/unsubmit", null, submittedWorksheet()), ITS_CLIENT),
                row("POST /api/v1/worksheets/{id}/feedback", c -> c.post(WORKSHEET + "/feedback",
                        Map.of("feedback", "Well noticed."), submittedWorksheet()), ITS_THERAPIST),

                // messaging: a conversation exists for its participants only
                row("POST /api/v1/conversations", "a session's conversation", c -> c.post(CONVERSATIONS,
                                Map.of("type", "SESSION", "sessionId", w.session)),
                        expect(UNAUTHORIZED, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK))
                        .hiding("a message of a conversation they are not in", w.sessionSecret, Caller.STAFF,
                                Caller.ADMIN),
                row("POST /api/v1/conversations", "a group with a client", c -> c.post(CONVERSATIONS,
                                Map.of("type", "GROUP", "title", "Matrix group", "participantIds", List.of(w.clientOwn))),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK, OK)),
                row("GET /api/v1/conversations", c -> c.get(CONVERSATIONS + "?limit=100"), SIGNED_IN)
                        .hiding("a conversation they are not in", w.conversation, Caller.CLIENT_OTHER,
                                Caller.THERAPIST_OTHER, Caller.STAFF, Caller.ADMIN),
                row("GET /api/v1/conversations/{id}", c -> c.get(CONVERSATION, w.conversation), PARTICIPANTS),
                row("PATCH /api/v1/conversations/{id}",
                        c -> c.patch(CONVERSATION, Map.of("muted", false), w.conversation), PARTICIPANTS),
                // a group's moderator (the therapist who opened it) brings people in; its members may not
                row("POST /api/v1/conversations/{id}/participants", c -> c.post(CONVERSATION + "/participants",
                                Map.of("userId", w.desk), w.group),
                        expect(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
                row("DELETE /api/v1/conversations/{id}/participants/{userId}",
                        c -> c.delete(CONVERSATION + "/participants/{userId}", freshGroupWithDesk(), w.desk),
                        expect(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
                row("POST /api/v1/conversations/{id}/read",
                        c -> c.post(CONVERSATION + "/read", null, w.conversation), PARTICIPANTS),
                // administrators keep a conversation from the retention purge without reading it
                row("PUT /api/v1/conversations/{id}/legal-hold", c -> c.put(CONVERSATION + "/legal-hold",
                        Map.of("reason", "Matrix hold"), w.conversation), ADMIN_ONLY),
                row("DELETE /api/v1/conversations/{id}/legal-hold",
                        c -> c.delete(CONVERSATION + "/legal-hold", w.conversation), ADMIN_ONLY),
                row("GET /api/v1/conversations/{id}/messages",
                        c -> c.get(CONVERSATION + "/messages", w.conversation), PARTICIPANTS),
                row("POST /api/v1/conversations/{id}/messages", c -> c.post(CONVERSATION + "/messages",
                        Map.of("content", "Matrix message", "type", "TEXT"), w.conversation), PARTICIPANTS),
                row("POST /api/v1/conversations/{id}/attachments",
                        c -> c.upload(CONVERSATION + "/attachments", uniqueText(), w.conversation), PARTICIPANTS),
                row("GET /api/v1/conversations/{id}/attachments/{fileId}",
                        c -> c.get(CONVERSATION + "/attachments/{fileId}", w.conversation, w.attachment), PARTICIPANTS),
                row("GET /api/v1/messages/search", c -> c.get("/api/v1/messages/search?q={q}", w.messageWord),
                        SIGNED_IN)
                        .hiding("a message of a conversation they are not in", w.messageText, Caller.CLIENT_OTHER,
                                Caller.THERAPIST_OTHER, Caller.STAFF, Caller.ADMIN),
                row("GET /api/v1/messages/unread-count", c -> c.get("/api/v1/messages/unread-count"), SIGNED_IN),
                row("PUT /api/v1/messages/{id}",
                        c -> c.put(MESSAGE, Map.of("content", "Matrix message, edited"), freshMessage()), ITS_SENDER),
                row("GET /api/v1/messages/{id}/edits", c -> c.get(MESSAGE + "/edits", w.message), ITS_SENDER),
                row("DELETE /api/v1/messages/{id}", c -> c.delete(MESSAGE, freshMessage()), ITS_SENDER),
                row("POST /api/v1/messages/{id}/read", c -> c.post(MESSAGE + "/read", null, w.message), PARTICIPANTS),
                row("POST /api/v1/messages/{id}/reactions",
                        c -> c.post(MESSAGE + "/reactions", Map.of("emoji", "👍"), w.message), PARTICIPANTS),
                row("DELETE /api/v1/messages/{id}/reactions/{emoji}",
                        c -> c.delete(MESSAGE + "/reactions/{emoji}", w.message, "👍"), PARTICIPANTS),
                // everyone keeps their own blocks
                row("POST /api/v1/blocks", c -> c.post("/api/v1/blocks", Map.of("userId", w.stranger)), SIGNED_IN),
                row("GET /api/v1/blocks", c -> c.get("/api/v1/blocks"), SIGNED_IN),
                row("DELETE /api/v1/blocks/{userId}", c -> c.delete("/api/v1/blocks/{userId}", w.stranger), SIGNED_IN),

                // billing
                row("GET /api/v1/billing/service-codes", c -> c.get("/api/v1/billing/service-codes"), SIGNED_IN),
                // the fee it already has, so no other test sees a fee change
                row("PUT /api/v1/billing/service-codes/{code}", c -> c.put("/api/v1/billing/service-codes/{code}",
                        Map.of("fee", w.fee), w.feeCode), ADMIN_ONLY),
                row("GET /api/v1/billing/balance",
                        c -> c.get("/api/v1/billing/balance?clientId={id}", w.clientOwn), OWN_BILLING),
                row("GET /api/v1/billing/charges",
                        c -> c.get("/api/v1/billing/charges?clientId={id}", w.clientOwn), OWN_BILLING),
                row("POST /api/v1/billing/charges", c -> c.post("/api/v1/billing/charges", Map.of("clientId",
                        w.clientOwn, "serviceCode", "90834", "serviceDate", today().toString())), STAFF_AND_ADMIN),
                row("GET /api/v1/billing/payments",
                        c -> c.get("/api/v1/billing/payments?clientId={id}", w.clientOwn), OWN_BILLING),
                row("POST /api/v1/billing/payments", c -> c.pay(Map.of("amount", new BigDecimal("1.00"),
                        "method", "CARD", "cardToken", "tok_visa", "clientId", w.clientOwn)), OWN_BILLING),
                row("POST /api/v1/billing/payments/{id}/refund",
                        c -> c.post("/api/v1/billing/payments/{id}/refund", null, freshPayment()), STAFF_AND_ADMIN),
                row("GET /api/v1/billing/statements/{yearMonth} [application/json]",
                        c -> c.getAccepting(MediaType.APPLICATION_JSON, "/api/v1/billing/statements/{month}?clientId={id}",
                                w.month, w.clientOwn), OWN_BILLING),
                row("GET /api/v1/billing/statements/{yearMonth} [application/pdf]",
                        c -> c.getAccepting(MediaType.APPLICATION_PDF, "/api/v1/billing/statements/{month}?clientId={id}",
                                w.month, w.clientOwn), OWN_BILLING),
                // a therapist's billing details: staff, or the therapist themselves
                row("GET /api/v1/billing/providers/{therapistId}",
                        c -> c.get("/api/v1/billing/providers/{id}", w.therapistAssigned),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK, OK)),
                row("PUT /api/v1/billing/providers/{therapistId}", c -> c.put("/api/v1/billing/providers/{id}",
                                Map.of("credentials", "LCSW", "npi", "1234567893"), w.therapistAssigned),
                        expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK, OK)),

                // the client's portal
                row("GET /api/v1/portal/profile", c -> c.get("/api/v1/portal/profile"), CLIENTS),
                row("PUT /api/v1/portal/profile", c -> c.put("/api/v1/portal/profile",
                        Map.of("firstName", "Casey", "lastName", "Own")), CLIENTS),
                row("GET /api/v1/portal/emergency-contacts", c -> c.get("/api/v1/portal/emergency-contacts"), CLIENTS),
                row("PUT /api/v1/portal/emergency-contacts", c -> c.put("/api/v1/portal/emergency-contacts",
                        List.of(Map.of("name", "Ida Quill", "relationship", "sister", "phone", "+1 555 0101"))), CLIENTS),
                row("GET /api/v1/portal/notification-preferences",
                        c -> c.get("/api/v1/portal/notification-preferences"), SIGNED_IN),
                row("PUT /api/v1/portal/notification-preferences", c -> c.put("/api/v1/portal/notification-preferences",
                        Map.of("email", true, "sms", false, "push", true, "sessionReminders", true,
                                "reminderHoursBefore", 24, "messageDigest", false)), SIGNED_IN),
                row("POST /api/v1/portal/mood-entries",
                        c -> c.post("/api/v1/portal/mood-entries", Map.of("mood", 6)), CLIENTS),
                row("GET /api/v1/portal/mood-entries", c -> c.get("/api/v1/portal/mood-entries"), CLIENTS),
                row("GET /api/v1/portal/mood-entries/trends", c -> c.get("/api/v1/portal/mood-entries/trends"
                        + "?from={from}&to={to}", today().minusDays(7), today()), CLIENTS),
                row("GET /api/v1/portal/assessments", c -> c.get("/api/v1/portal/assessments"), CLIENTS),
                row("POST /api/v1/portal/assessments/{id}/responses", c -> c.post("/api/v1/portal/assessments/{id}"
                                + "/responses", Map.of("answers", List.of(0, 0, 0, 0, 0, 0, 0)), freshAssessment()),
                        expect(UNAUTHORIZED, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                row("POST /api/v1/portal/therapist-change-requests", c -> c.post(CHANGE_REQUESTS,
                        Map.of("reason", "I would like someone with CBT experience")), CLIENTS),
                row("GET /api/v1/portal/therapist-change-requests", c -> c.get(CHANGE_REQUESTS),
                        expect(UNAUTHORIZED, OK, OK, FORBIDDEN, FORBIDDEN, OK, OK)),
                // deciding moves a caseload: each cell decides a fresh client's own request
                row("POST /api/v1/portal/therapist-change-requests/{id}/approve", c -> {
                    UUID client = c.ownedBy(freshClientOfTheTherapist());
                    return c.post(CHANGE_REQUESTS + "/{id}/approve", Map.of("therapistId", w.therapistOther),
                            changeRequestBy(client));
                }, STAFF_AND_ADMIN),
                row("POST /api/v1/portal/therapist-change-requests/{id}/decline", c -> {
                    UUID client = c.ownedBy(freshClientOfTheTherapist());
                    return c.post(CHANGE_REQUESTS + "/{id}/decline", Map.of("note", "Not now"), changeRequestBy(client));
                }, STAFF_AND_ADMIN),
                row("GET /api/v1/portal/dashboard", c -> c.get("/api/v1/portal/dashboard"), CLIENTS),
                row("GET /api/v1/portal/notifications", c -> c.get("/api/v1/portal/notifications?limit=100"), SIGNED_IN)
                        .hiding("another person's notification", w.notification, Caller.CLIENT_OTHER,
                                Caller.THERAPIST_ASSIGNED, Caller.THERAPIST_OTHER, Caller.STAFF, Caller.ADMIN),
                row("POST /api/v1/portal/notifications/{id}/read",
                        c -> c.post("/api/v1/portal/notifications/{id}/read", null, w.notification), ITS_CLIENT),
                row("POST /api/v1/portal/notifications/read-all",
                        c -> c.post("/api/v1/portal/notifications/read-all", null), SIGNED_IN),

                // the actuator: health for everyone (details for administrators), the rest for administrators
                row("GET /actuator/health", c -> c.get("/actuator/health"), PUBLIC),
                row("GET /actuator/info", c -> c.get("/actuator/info"), ADMIN_ONLY),
                row("GET /actuator/metrics", c -> c.get("/actuator/metrics"), ADMIN_ONLY),
                row("GET /actuator/prometheus", c -> c.get("/actuator/prometheus"), ADMIN_ONLY),
                row("GET /actuator/modulith", c -> c.get("/actuator/modulith"), ADMIN_ONLY));
    }

    // ---- the RSocket table

    private List<Row> rsocketRows(World w) {
        return List.of(
                row("inbox", c -> c.staysOpen(r -> r.route("inbox").data(Map.of()).retrieveFlux(EVENT)), SIGNED_IN),
                row("conversations.{id}.events", c -> c.staysOpen(r -> r.route("conversations.{id}.events",
                        w.conversation).data(Map.of()).retrieveFlux(EVENT)), PARTICIPANTS),
                row("conversations.{id}.send", c -> c.answers(r -> r.route("conversations.{id}.send", w.conversation)
                        .data(Map.of("content", "Over RSocket", "type", "TEXT")).retrieveMono(EVENT)), PARTICIPANTS),
                row("conversations.{id}.typing", c -> c.answers(r -> r.route("conversations.{id}.typing",
                        w.conversation).data(Map.of("typing", true)).retrieveMono(Void.class)), PARTICIPANTS),
                row("conversations.{id}.read", c -> c.answers(r -> r.route("conversations.{id}.read", w.conversation)
                        .data(Map.of("messageId", w.message)).retrieveMono(Void.class)), PARTICIPANTS),
                row("chat", c -> c.chat(w.conversation), PARTICIPANTS),
                // whether the client is online: for their therapist and the practice; nobody is told
                // their own presence, so the client's own cell hears nothing either
                row("presence", c -> c.tells(r -> r.route("presence").data(Map.of("userIds", List.of(w.clientOwn)))
                        .retrieveFlux(EVENT)), expect(UNAUTHORIZED, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, OK, OK)),
                row("notifications",
                        c -> c.staysOpen(r -> r.route("notifications").retrieveFlux(EVENT)), SIGNED_IN));
    }

    // ---- the rows and their cells

    /** One route (and, where a body gives it another meaning, which one) with its expected answers. */
    private record Row(String route, String variant, Function<Cell, Result> call, Map<Caller, Answer> expected,
            List<Hidden> hidden) {

        String label() {
            return variant == null ? route : route + " (" + variant + ")";
        }

        /** The answer to each of {@code from} must not contain {@code text}. */
        Row hiding(String what, String text, Caller... from) {
            List<Hidden> more = new ArrayList<>(hidden);
            more.add(new Hidden(what, text, EnumSet.copyOf(Arrays.asList(from))));
            return new Row(route, variant, call, expected, List.copyOf(more));
        }
    }

    private record Hidden(String what, String text, Set<Caller> from) {
    }

    private static Row row(String route, Function<Cell, Result> call, Map<Caller, Answer> expected) {
        return new Row(route, null, call, expected, List.of());
    }

    private static Row row(String route, String variant, Function<Cell, Result> call, Map<Caller, Answer> expected) {
        return new Row(route, variant, call, expected, List.of());
    }

    /** The answers in column order: ANONYMOUS, CLIENT_OWN, CLIENT_OTHER, THERAPIST_ASSIGNED, THERAPIST_OTHER, STAFF, ADMIN. */
    private static Map<Caller, Answer> expect(Answer... answers) {
        if (answers.length != Caller.values().length) {
            throw new IllegalArgumentException("one answer per caller, " + Caller.values().length + " in all");
        }
        Map<Caller, Answer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, answers[caller.ordinal()]);
        }
        return expected;
    }

    private DynamicNode cells(Row row) {
        return dynamicContainer(row.label(), Arrays.stream(Caller.values()).map(caller ->
                dynamicTest(caller + " is answered " + row.expected().get(caller), () -> check(row, caller))));
    }

    private void check(Row row, Caller caller) {
        Result answer;
        try {
            answer = row.call().apply(new Cell(caller));
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(row.label() + " as " + caller + ": the cell could not be set up: " + e.getMessage(), e);
        }
        Answer expected = row.expected().get(caller);
        if (!expected.accepts(answer.status())) {
            throw new AssertionError(row.label() + " as " + caller + ": expected " + expected + ", answered " + answer);
        }
        for (Hidden hidden : row.hidden()) {
            if (hidden.from().contains(caller) && answer.body().contains(hidden.text())) {
                throw new AssertionError(row.label() + " as " + caller + ": the answer carried " + hidden.what()
                        + " (" + hidden.text() + "): " + answer);
            }
        }
    }

    /** What a cell answered: an HTTP status, or an RSocket outcome read as one; 0 when nothing came. */
    private record Result(int status, String body) {

        @Override
        public String toString() {
            String shown = body.length() > 400 ? body.substring(0, 400) + "…" : body;
            return status + (shown.isBlank() ? "" : " " + shown.replaceAll("\\s+", " "));
        }
    }

    /** One caller calling one route: who they are, and the calls they can make. */
    private final class Cell {

        private final Caller caller;
        private UUID client;

        Cell(Caller caller) {
            this.caller = caller;
            this.client = world.clientOwn;
        }

        /** The object of this cell belongs to {@code owner}, who is then the CLIENT_OWN caller; answers the owner. */
        UUID ownedBy(UUID owner) {
            this.client = owner;
            return owner;
        }

        UUID id() {
            return switch (caller) {
                case ANONYMOUS -> null;
                case CLIENT_OWN -> client;
                case CLIENT_OTHER -> world.clientOther;
                case THERAPIST_ASSIGNED -> world.therapistAssigned;
                case THERAPIST_OTHER -> world.therapistOther;
                case STAFF -> world.staff;
                case ADMIN -> world.admin;
            };
        }

        String token() {
            return caller == Caller.ANONYMOUS ? null : tokens.of(id(), caller.role);
        }

        Result get(String uri, Object... variables) {
            return answered(exchange(token(), HttpMethod.GET, uri, null, null, null, variables));
        }

        Result getAccepting(MediaType accept, String uri, Object... variables) {
            return answered(exchange(token(), HttpMethod.GET, uri, null, accept, null, variables));
        }

        Result post(String uri, Object body, Object... variables) {
            return answered(exchange(token(), HttpMethod.POST, uri, body, null, null, variables));
        }

        Result put(String uri, Object body, Object... variables) {
            return answered(exchange(token(), HttpMethod.PUT, uri, body, null, null, variables));
        }

        Result patch(String uri, Object body, Object... variables) {
            return answered(exchange(token(), HttpMethod.PATCH, uri, body, null, null, variables));
        }

        Result delete(String uri, Object... variables) {
            return answered(exchange(token(), HttpMethod.DELETE, uri, null, null, null, variables));
        }

        Result upload(String uri, byte[] bytes, Object... variables) {
            return post(uri, SampleFiles.multipart("thought-record.txt", bytes), variables);
        }

        /** A payment, under an Idempotency-Key of its own. */
        Result pay(Object body) {
            return answered(exchange(token(), HttpMethod.POST, "/api/v1/billing/payments", body, null,
                    UUID.randomUUID().toString()));
        }

        /** A stream that is allowed stays open (or ends by itself); a refused one ends at once with an error. */
        Result staysOpen(Function<RSocketRequester, Flux<?>> stream) {
            return stream.apply(requester()).next()
                    .map(first -> new Result(200, "streamed " + first))
                    .defaultIfEmpty(new Result(204, "ended without events"))
                    .timeout(SETTLE, Mono.just(new Result(200, "open")))
                    .onErrorResume(AuthorizationMatrixIT::refusal)
                    .block(PATIENCE);
        }

        /** A stream that answers everyone but tells only about people the caller may see. */
        Result tells(Function<RSocketRequester, Flux<?>> stream) {
            return stream.apply(requester()).next()
                    .map(first -> new Result(200, "told " + first))
                    .defaultIfEmpty(new Result(404, "ended without telling"))
                    .timeout(SETTLE, Mono.just(new Result(404, "told nothing: the person is left out")))
                    .onErrorResume(AuthorizationMatrixIT::refusal)
                    .block(PATIENCE);
        }

        Result answers(Function<RSocketRequester, Mono<?>> request) {
            return request.apply(requester())
                    .map(answer -> new Result(200, String.valueOf(answer)))
                    .defaultIfEmpty(new Result(200, "done"))
                    .onErrorResume(AuthorizationMatrixIT::refusal)
                    .block(PATIENCE);
        }

        /**
         * Sends one message over the duplex channel: an allowed one comes back on the caller's own
         * inbox, a refused one as a {@code COMMAND_REJECTED} event naming why.
         */
        Result chat(String conversationId) {
            String content = "Over the chat channel " + tag();
            Map<String, Object> send = Map.of("op", "SEND", "conversationId", conversationId, "content", content,
                    "type", "TEXT");
            return requester().route("chat").data(Flux.just(send)).retrieveFlux(EVENT)
                    .filter(event -> "COMMAND_REJECTED".equals(event.get("type"))
                            || ("MESSAGE_SENT".equals(event.get("type")) && content.equals(payload(event).get("content"))))
                    .next()
                    .map(event -> "MESSAGE_SENT".equals(event.get("type")) ? new Result(201, "sent")
                            : rejection(payload(event)))
                    .timeout(PATIENCE, Mono.just(new Result(0, "neither sent nor rejected")))
                    .onErrorResume(AuthorizationMatrixIT::refusal)
                    .block(PATIENCE.plusSeconds(5));
        }

        /** The caller's connection; without a token, a new one each time, as each is refused at setup. */
        RSocketRequester requester() {
            if (caller == Caller.ANONYMOUS) {
                RSocketRequester refused = connect(null);
                anonymousConnections.add(refused);
                return refused;
            }
            return connections.computeIfAbsent(caller, who -> connect(tokens.of(id(), who.role)));
        }
    }

    private RSocketRequester connect(String token) {
        // a builder of its own each time: a builder keeps the setup metadata it was given last
        return RSocketClients.connect(rsocketBuilders.getObject(), strategies, RSocketClients.Transport.TCP, tcpPort,
                httpPort, token);
    }

    private static Result answered(EntityExchangeResult<byte[]> answer) {
        return new Result(answer.getStatus().value(), text(answer.getResponseBodyContent()));
    }

    /** An RSocket error frame, read as HTTP would say it. */
    private static Mono<Result> refusal(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int status;
        if (error instanceof RejectedSetupException) {
            status = 401;
        } else if (error instanceof RejectedException) {
            status = message.contains("not found") ? 404 : message.startsWith("Not allowed") ? 403 : 409;
        } else if (error instanceof InvalidException) {
            status = 400;
        } else {
            status = 500;
        }
        return Mono.just(new Result(status, error.getClass().getSimpleName() + ": " + message));
    }

    /** Why the chat channel refused a command, read as HTTP would say it. */
    private static Result rejection(Map<String, Object> rejected) {
        int status = switch (String.valueOf(rejected.get("reason"))) {
            case "not-found" -> 404;
            case "forbidden", "blocked" -> 403;
            case "conflict" -> 409;
            case "invalid" -> 400;
            case "too-many-requests" -> 429;
            default -> 500;
        };
        return new Result(status, "COMMAND_REJECTED " + rejected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        Object payload = event.get("payload");
        return payload instanceof Map ? (Map<String, Object>) payload : Map.of();
    }

    // ---- completeness: the application's own routes

    private static void everyRouteHasARow(String kind, Map<String, String> routes, List<Row> rows,
            Predicate<String> explicitOnly) {
        Set<String> covered = rows.stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = routes.entrySet().stream().filter(route -> !covered.contains(route.getKey()))
                .map(route -> route.getKey() + "  (" + route.getValue() + ")").toList();
        List<String> stale = covered.stream().filter(route -> !routes.containsKey(route) && !explicitOnly.test(route))
                .toList();
        if (!missing.isEmpty() || !stale.isEmpty()) {
            throw new AssertionError(kind + " routes without a row in the authorization matrix:\n  "
                    + String.join("\n  ", missing) + "\n" + kind + " rows naming no route of Haven:\n  "
                    + String.join("\n  ", stale));
        }
    }

    /**
     * Haven's HTTP routes, method and path pattern (and what they produce, where two handlers share
     * a path), each with the handler that serves it. The test-only probes of app.haven.support and
     * the routes of libraries (the actuator, the API docs) are not Haven's.
     */
    private Map<String, String> havenHttpRoutes() {
        Map<String, String> routes = new TreeMap<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (!isHavens(handler.getBeanType())) {
                        return;
                    }
                    Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
                    String producing = produces.isEmpty() ? ""
                            : produces.stream().map(MediaType::toString).sorted().collect(Collectors.joining(", ", " [", "]"));
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    List<String> verbs = methods.isEmpty() ? List.of("ANY")
                            : methods.stream().map(RequestMethod::name).sorted().toList();
                    info.getPatternsCondition().getPatterns().forEach(pattern -> verbs.forEach(verb ->
                            routes.put(verb + " " + pattern.getPatternString() + producing,
                                    handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName())));
                }));
        return routes;
    }

    /** Haven's RSocket routes (request routes, not the connection's setup), each with its handler. */
    private Map<String, String> havenRSocketRoutes() {
        Map<String, String> routes = new TreeMap<>();
        rsocketHandler.getHandlerMethods().forEach((condition, handler) -> {
            if (!isHavens(handler.getBeanType())) {
                return;
            }
            Set<FrameType> frames = condition.getCondition(RSocketFrameTypeMessageCondition.class).getFrameTypes();
            if (frames.contains(FrameType.SETUP) || frames.contains(FrameType.METADATA_PUSH)) {
                return;
            }
            condition.getCondition(DestinationPatternsMessageCondition.class).getPatterns().forEach(pattern ->
                    routes.put(pattern, handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName()));
        });
        return routes;
    }

    private static boolean isHavens(Class<?> handler) {
        String where = handler.getPackageName();
        return where.startsWith("app.haven.") && !where.startsWith("app.haven.support");
    }

    // ---- the world

    /** Someone whose email the test knows, to sign in and ask for resets with. */
    private record Account(UUID id, String email) {
    }

    /** The practice every cell works in. */
    private static final class World {
        UUID clientOwn;
        UUID clientOther;
        UUID therapistAssigned;
        UUID therapistOther;
        UUID staff;
        UUID admin;
        /** A member of staff none of the callers is, brought into groups. */
        UUID desk;
        /** A client nobody knows: the one everybody blocks. */
        UUID stranger;
        Account signer;
        Account forgetful;
        /** The client's DIRECT therapy conversation with their therapist, and a message the client sent there. */
        String conversation;
        String message;
        String messageText;
        String messageWord;
        String attachment;
        /** A GROUP the therapist opened (its moderator) with the client in it. */
        String group;
        String session;
        String sessionNotes;
        /** The SESSION conversation of that session, and what the client last wrote there. */
        String sessionConversation;
        String sessionSecret;
        String worksheet;
        String material;
        String notification;
        String feeCode;
        BigDecimal fee;
        String month;
    }

    private World buildWorld() {
        World w = new World();
        w.clientOwn = people.client("Casey", "Own");
        w.clientOther = people.client("Cleo", "Other");
        w.therapistAssigned = people.therapist("Tess", "Assigned");
        w.therapistOther = people.therapist("Otto", "Other");
        w.staff = people.staff();
        w.admin = people.admin();
        w.desk = people.staff();
        w.stranger = people.client("Stan", "Stranger");
        w.signer = account();
        w.forgetful = account();
        world = w;
        String staff = tokens.of(w.staff, Role.STAFF);
        String client = tokens.of(w.clientOwn, Role.CLIENT);
        String therapist = tokens.of(w.therapistAssigned, Role.THERAPIST);

        // the other therapist has a caseload of their own, just not this client
        setup(staff, HttpMethod.POST, "/api/v1/patients/{id}/assignments", Map.of("therapistId", w.therapistAssigned),
                w.clientOwn);
        setup(staff, HttpMethod.POST, "/api/v1/patients/{id}/assignments", Map.of("therapistId", w.therapistOther),
                w.clientOther);
        // the therapy conversation opens on the assignment's event, a moment later
        w.conversation = await().atMost(PATIENCE).until(() -> items(setup(client, HttpMethod.GET, CONVERSATIONS, null))
                .stream()
                .filter(found -> "DIRECT".equals(found.get("type"))
                        && String.valueOf(found.get("participants")).contains(w.therapistAssigned.toString()))
                .map(found -> (String) found.get("id")).findFirst().orElse(null), Objects::nonNull);
        w.messageWord = tag();
        w.messageText = "Matrix note " + w.messageWord;
        w.message = id(setup(client, HttpMethod.POST, CONVERSATION + "/messages",
                Map.of("content", w.messageText, "type", "TEXT"), w.conversation));
        w.attachment = (String) setup(client, HttpMethod.POST, CONVERSATION + "/attachments",
                SampleFiles.multipart("notes.txt", uniqueText()), w.conversation).get("fileId");
        w.group = id(setup(therapist, HttpMethod.POST, CONVERSATIONS, Map.of("type", "GROUP", "title", "Matrix group",
                "participantIds", List.of(w.clientOwn))));

        w.session = freshSession();
        w.sessionNotes = "Matrix session notes " + tag();
        setup(therapist, HttpMethod.PATCH, SESSION, Map.of("notes", w.sessionNotes), w.session);
        w.sessionConversation = id(setup(therapist, HttpMethod.POST, CONVERSATIONS,
                Map.of("type", "SESSION", "sessionId", w.session)));
        w.sessionSecret = "Matrix session message " + tag();
        setup(client, HttpMethod.POST, CONVERSATION + "/messages", Map.of("content", w.sessionSecret, "type", "TEXT"),
                w.sessionConversation);

        w.worksheet = freshWorksheet();
        w.material = id(setup(therapist, HttpMethod.POST, WORKSHEET + "/materials",
                SampleFiles.multipart("material.txt", uniqueText()), w.worksheet));
        // an assessment assigned notifies the client in the same transaction
        setup(therapist, HttpMethod.POST, "/api/v1/patients/{id}/assessments", Map.of("instrument", "GAD7"),
                w.clientOwn);
        w.notification = items(setup(client, HttpMethod.GET, "/api/v1/portal/notifications?limit=100", null)).stream()
                .filter(notification -> "ASSESSMENT_ASSIGNED".equals(notification.get("kind")))
                .map(notification -> (String) notification.get("id")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the client was not notified of the assessment"));

        // a balance for the client to pay from
        setup(staff, HttpMethod.POST, "/api/v1/billing/charges", Map.of("clientId", w.clientOwn, "serviceCode", "90834",
                "serviceDate", today().toString()));
        Map<String, Object> code = list(setup(staff, HttpMethod.GET, "/api/v1/billing/service-codes", null)).stream()
                .filter(found -> "90853".equals(found.get("code"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the practice bills no 90853"));
        w.feeCode = (String) code.get("code");
        w.fee = new BigDecimal((String) code.get("fee"));
        // a month that has begun wherever the practice is
        w.month = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        return w;
    }

    private Account account() {
        String email = newEmail();
        Map<String, Object> created = setup(tokens.of(UUID.randomUUID(), Role.ADMIN), HttpMethod.POST,
                "/api/v1/admin/users", Map.of("email", email, "password", PASSWORD, "firstName", "Mia",
                        "lastName", "Matrix", "role", "CLIENT"));
        return new Account(UUID.fromString(id(created)), email);
    }

    // ---- fresh objects, one per cell where a cell uses one up

    private String therapistToken() {
        return tokens.of(world.therapistAssigned, Role.THERAPIST);
    }

    private String clientToken() {
        return tokens.of(world.clientOwn, Role.CLIENT);
    }

    /** A booking in a slot of its own, so no two sessions of the therapist overlap. */
    private Map<String, Object> booking() {
        Instant startsAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
                .plus(2L * slots.getAndIncrement(), ChronoUnit.HOURS);
        return Map.of("clientId", world.clientOwn, "startsAt", startsAt.toString(), "durationMinutes", 50,
                "type", "INDIVIDUAL", "telehealth", false);
    }

    private String freshSession() {
        return id(setup(therapistToken(), HttpMethod.POST, "/api/v1/sessions", booking()));
    }

    private static Map<String, Object> worksheetFor(UUID client) {
        return Map.of("clientId", client, "title", "Thought record " + tag(),
                "instructions", "Write down three thoughts and what you did next.",
                "dueDate", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private String freshWorksheet() {
        return id(setup(therapistToken(), HttpMethod.POST, "/api/v1/worksheets", worksheetFor(world.clientOwn)));
    }

    private String submittedWorksheet() {
        String worksheet = freshWorksheet();
        setup(clientToken(), HttpMethod.POST, WORKSHEET + "/submit", Map.of("response", "Done"), worksheet);
        return worksheet;
    }

    /** A worksheet and a file the client handed in for it. */
    private String[] worksheetWithSubmission() {
        String worksheet = freshWorksheet();
        String file = id(setup(clientToken(), HttpMethod.POST, WORKSHEET + "/submissions",
                SampleFiles.multipart("answer.txt", uniqueText()), worksheet));
        return new String[] { worksheet, file };
    }

    private String freshMessage() {
        return id(setup(clientToken(), HttpMethod.POST, CONVERSATION + "/messages",
                Map.of("content", "Matrix message " + tag(), "type", "TEXT"), world.conversation));
    }

    private String freshGroupWithDesk() {
        return id(setup(therapistToken(), HttpMethod.POST, CONVERSATIONS, Map.of("type", "GROUP",
                "title", "Matrix group", "participantIds", List.of(world.clientOwn, world.desk))));
    }

    private String freshPayment() {
        EntityExchangeResult<byte[]> paid = exchange(tokens.of(world.staff, Role.STAFF), HttpMethod.POST,
                "/api/v1/billing/payments", Map.of("amount", new BigDecimal("1.00"), "method", "CASH",
                        "clientId", world.clientOwn), null, UUID.randomUUID().toString());
        return id(required(paid));
    }

    private String freshAssessment() {
        return id(setup(therapistToken(), HttpMethod.POST, "/api/v1/patients/{id}/assessments",
                Map.of("instrument", "GAD7"), world.clientOwn));
    }

    /** A new client of the world's therapist. */
    private UUID freshClientOfTheTherapist() {
        UUID client = people.client("Cara", "Fresh");
        setup(tokens.of(world.staff, Role.STAFF), HttpMethod.POST, "/api/v1/patients/{id}/assignments",
                Map.of("therapistId", world.therapistAssigned), client);
        return client;
    }

    private String changeRequestBy(UUID client) {
        return id(setup(tokens.of(client, Role.CLIENT), HttpMethod.POST, CHANGE_REQUESTS,
                Map.of("reason", "I would like someone with CBT experience")));
    }

    private String refreshToken(Account account) {
        return (String) setup(null, HttpMethod.POST, "/api/v1/auth/login",
                Map.of("email", account.email(), "password", PASSWORD)).get("refreshToken");
    }

    /** A new self-registered account's email confirmation token, from the dev outbox. */
    private String verificationToken() {
        String email = newEmail();
        setup(null, HttpMethod.POST, "/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "firstName", "Vic", "lastName", "Matrix"));
        return mailedToken(email, "Confirm");
    }

    private String resetToken(Account account) {
        setup(null, HttpMethod.POST, "/api/v1/auth/forgot-password", Map.of("email", account.email()));
        return mailedToken(account.email(), "Reset");
    }

    /** The token of the newest mail to {@code email} about {@code subject} that no cell used yet. */
    private String mailedToken(String email, String subject) {
        String token = await().atMost(PATIENCE).until(() -> items(setup(null, HttpMethod.GET, "/api/v1/dev/outbox", null))
                .stream()
                .filter(mail -> email.equalsIgnoreCase((String) mail.get("to"))
                        && String.valueOf(mail.get("subject")).contains(subject))
                .map(mail -> {
                    Matcher link = MAILED_TOKEN.matcher(String.valueOf(mail.get("body")));
                    return link.find() ? link.group(1) : null;
                })
                .filter(found -> found != null && !usedMailTokens.contains(found))
                .findFirst().orElse(null), Objects::nonNull);
        usedMailTokens.add(token);
        return token;
    }

    // ---- plain HTTP

    private EntityExchangeResult<byte[]> exchange(String token, HttpMethod method, String uri, Object body,
            MediaType accept, String idempotencyKey, Object... variables) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri, variables).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
            if (accept != null) {
                headers.setAccept(List.of(accept));
            }
            if (idempotencyKey != null) {
                headers.set("Idempotency-Key", idempotencyKey);
            }
        });
        WebTestClient.RequestHeadersSpec<?> ready;
        if (body == null) {
            ready = request;
        } else if (body instanceof MultiValueMap<?, ?> parts) {
            ready = request.contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(parts);
        } else {
            ready = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        }
        return ready.exchange().expectBody().returnResult();
    }

    /** A call that builds the world: it must succeed; answers its JSON object (empty when it has none). */
    private Map<String, Object> setup(String token, HttpMethod method, String uri, Object body, Object... variables) {
        return required(exchange(token, method, uri, body, null, null, variables));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> required(EntityExchangeResult<byte[]> answer) {
        byte[] content = answer.getResponseBodyContent();
        if (!answer.getStatus().is2xxSuccessful()) {
            throw new IllegalStateException("Setting up: " + answer.getMethod() + " " + answer.getUrl() + " answered "
                    + answer.getStatus() + " " + text(content));
        }
        if (content == null || content.length == 0) {
            return Map.of();
        }
        Object json = JSON.readValue(content, Object.class);
        return json instanceof Map ? (Map<String, Object>) json : Map.of("items", json);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** A JSON array answer, which {@link #required} keeps under {@code items}. */
    private static List<Map<String, Object>> list(Map<String, Object> answer) {
        return items(answer);
    }

    private static String id(Map<String, Object> created) {
        return String.valueOf(created.get("id"));
    }

    private static String text(byte[] content) {
        return content == null ? "" : new String(content, StandardCharsets.UTF_8);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String newEmail() {
        return "matrix." + UUID.randomUUID() + "@example.org";
    }

    /** Uploads are kept once per content, so every upload here is different text. */
    private static byte[] uniqueText() {
        return ("Thought record " + tag() + ": noticed the worry, wrote it down, let it pass.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Letters that never occur in a UUID, as one search word. */
    private static String tag() {
        String letters = "ghjkmnpqrstvwxyz";
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            tag.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return tag.toString();
    }
}
