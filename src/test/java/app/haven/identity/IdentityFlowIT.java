package app.haven.identity;

import static app.haven.identity.IdentityApi.PASSWORD;
import static app.haven.identity.IdentityApi.json;
import static app.haven.identity.IdentityApi.newEmail;
import static app.haven.identity.IdentityApi.problem;
import static app.haven.identity.IdentityApi.problemBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import app.haven.identity.IdentityApi.Session;
import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.TestTokens;
import reactor.core.publisher.Mono;

/**
 * A person's whole life with Haven's identity over real HTTP: register, confirm the email from
 * the mail, sign in, refresh, sign out, forget and reset the password, change it. Bad input on
 * every write route is refused as a problem and changes nothing, and no response, whatever it
 * answers, carries a password hash, a token hash or a mailed token.
 */
@HavenTest
class IdentityFlowIT {

    private static final String REGISTER = "/api/v1/auth/register";
    private static final String VERIFY = "/api/v1/auth/verify-email";
    private static final String LOGIN = "/api/v1/auth/login";
    private static final String REFRESH = "/api/v1/auth/refresh";
    private static final String LOGOUT = "/api/v1/auth/logout";
    private static final String FORGOT = "/api/v1/auth/forgot-password";
    private static final String RESET = "/api/v1/auth/reset-password";
    private static final String CHANGE = "/api/v1/auth/change-password";
    private static final String ADMIN_USERS = "/api/v1/admin/users";
    private static final String NEW_PASSWORD = "another long passphrase";
    private static final String ELEVEN_CHARACTERS = "elevenchars";

    private static final List<String> SECRET_MARKERS =
            List.of("$argon2", "{argon2}", "{bcrypt}", "password_hash", "passwordHash");
    private static final Pattern TOKEN_HASH = Pattern.compile("[0-9a-fA-F]{64}");

    @Autowired WebTestClient server;
    @Autowired TestTokens tokens;

    private final List<Seen> responses = new CopyOnWriteArrayList<>();
    private final Set<String> mailedTokens = ConcurrentHashMap.newKeySet();
    private IdentityApi api;

    @BeforeEach
    void recordEveryResponse() {
        api = new IdentityApi(server.mutate().filter(this::recording).responseTimeout(IdentityApi.PATIENCE).build());
    }

    @Test
    void registeringCreatesAnUnconfirmedClientWithTheEmailInLowerCaseAndTheSameEmailInOtherCaseIsTaken() {
        String email = newEmail("ana");

        Map<String, Object> registered = api.register(email);

        assertThat(registered).containsOnlyKeys("id", "email", "role", "emailVerified")
                .containsEntry("email", email.toLowerCase(Locale.ROOT))
                .containsEntry("role", "CLIENT")
                .containsEntry("emailVerified", false);
        assertThat(UUID.fromString((String) registered.get("id"))).isNotNull();

        problem(api.post(REGISTER, Map.of("email", email.toUpperCase(Locale.ROOT), "password", PASSWORD,
                "firstName", "Other", "lastName", "Person")), HttpStatus.CONFLICT);
        assertThat(api.mailTo(email)).as("one confirmation mail, none for the refused duplicate").hasSize(1);
    }

    @Test
    void signingInBeforeConfirmingTheEmailIsForbiddenAndTheMailedLinkConfirmsItOnce() {
        String email = newEmail("ben");
        api.register(email);

        problem(api.attemptLogin(email, PASSWORD), HttpStatus.FORBIDDEN);

        List<Map<String, Object>> mail = api.mailTo(email);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0)).containsKeys("id", "to", "subject", "body", "createdAt")
                .containsEntry("to", email.toLowerCase(Locale.ROOT));
        String token = IdentityApi.tokenIn((String) mail.get(0).get("body"));

        api.post(VERIFY, Map.of("token", token)).expectStatus().isNoContent().expectBody().isEmpty();
        problem(api.post(VERIFY, Map.of("token", token)), HttpStatus.BAD_REQUEST);

        api.login(email, PASSWORD);
    }

    @Test
    void signingInHandsOutAShortLivedAccessTokenCarryingOnlyTheAccountIdAndRole() {
        String email = newEmail("carla");
        String id = (String) api.signUp(email).get("id");

        Session session = api.login(email.toUpperCase(Locale.ROOT), PASSWORD);

        assertThat(session.body()).containsOnlyKeys("accessToken", "refreshToken", "tokenType", "expiresIn", "user")
                .containsEntry("tokenType", "Bearer");
        assertThat(((Number) session.body().get("expiresIn")).longValue()).isBetween(1L, 900L);
        assertThat(session.refreshToken()).isNotBlank().isNotEqualTo(session.accessToken());
        Map<String, Object> expectedUser = Map.of("id", id, "email", email.toLowerCase(Locale.ROOT),
                "firstName", "Ana", "lastName", "Lima", "role", "CLIENT");
        assertThat(session.user()).isEqualTo(expectedUser);

        assertThat(json(api.get("/api/v1/users/me", session.accessToken()), HttpStatus.OK)).isEqualTo(expectedUser);

        Map<String, Object> claims = payloadOf(session.accessToken());
        assertThat(claims).containsOnlyKeys("iss", "sub", "role", "iat", "exp")
                .containsEntry("sub", id)
                .containsEntry("role", "CLIENT");
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(lifetime).isBetween(1L, 900L);
    }

    @Test
    void refreshingRotatesThePairAndReusingTheOldRefreshTokenRevokesTheWholeSignIn() {
        String email = newEmail("dora");
        api.signUp(email);
        Session first = api.login(email, PASSWORD);
        Session elsewhere = api.login(email, PASSWORD);

        Session rotated = Session.of(json(api.refresh(first.refreshToken()), HttpStatus.OK));
        assertThat(rotated.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(rotated.user()).isEqualTo(first.user());
        api.get("/api/v1/users/me", rotated.accessToken()).expectStatus().isOk();

        problem(api.refresh(first.refreshToken()), HttpStatus.UNAUTHORIZED);
        problem(api.refresh(rotated.refreshToken()), HttpStatus.UNAUTHORIZED);

        json(api.refresh(elsewhere.refreshToken()), HttpStatus.OK);
    }

    @Test
    void loggingOutEndsThatSignInAndAnUnknownTokenLogsOutQuietly() {
        String email = newEmail("emil");
        api.signUp(email);
        Session session = api.login(email, PASSWORD);

        api.post(LOGOUT, Map.of("refreshToken", session.refreshToken())).expectStatus().isNoContent()
                .expectBody().isEmpty();
        problem(api.refresh(session.refreshToken()), HttpStatus.UNAUTHORIZED);

        api.post(LOGOUT, Map.of("refreshToken", "no-such-refresh-token-" + UUID.randomUUID()))
                .expectStatus().isNoContent().expectBody().isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetOnceByTheMailedLinkWhichEndsEverySignIn() {
        String email = newEmail("fay");
        api.signUp(email);
        Session before = api.login(email, PASSWORD);
        String unknown = newEmail("nobody");

        api.post(FORGOT, Map.of("email", email)).expectStatus().isAccepted().expectBody().isEmpty();
        api.post(FORGOT, Map.of("email", unknown)).expectStatus().isAccepted().expectBody().isEmpty();
        assertThat(api.mailTo(unknown)).as("no mail to an address without an account").isEmpty();
        assertThat(api.mailTo(email)).as("the outbox, newest first").extracting(mail -> mail.get("subject"))
                .containsExactly("Reset your Haven password", "Confirm your email for Haven");
        String reset = api.mailedToken(email, "Reset");

        api.post(RESET, Map.of("token", reset, "newPassword", NEW_PASSWORD)).expectStatus().isNoContent()
                .expectBody().isEmpty();

        problem(api.attemptLogin(email, PASSWORD), HttpStatus.UNAUTHORIZED);
        api.login(email, NEW_PASSWORD);
        problem(api.refresh(before.refreshToken()), HttpStatus.UNAUTHORIZED);
        problem(api.post(RESET, Map.of("token", reset, "newPassword", "yet another passphrase")),
                HttpStatus.BAD_REQUEST);
        api.login(email, NEW_PASSWORD);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEverySignIn() {
        String email = newEmail("gus");
        api.signUp(email);
        Session a = api.login(email, PASSWORD);
        Session b = api.login(email, PASSWORD);

        problem(api.post(CHANGE, Map.of("currentPassword", "not the password at all", "newPassword", NEW_PASSWORD),
                a.accessToken()), HttpStatus.BAD_REQUEST);
        problem(api.post(CHANGE, Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)),
                HttpStatus.UNAUTHORIZED);
        problem(api.attemptLogin(email, NEW_PASSWORD), HttpStatus.UNAUTHORIZED);

        api.post(CHANGE, Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), a.accessToken())
                .expectStatus().isNoContent().expectBody().isEmpty();

        problem(api.refresh(b.refreshToken()), HttpStatus.UNAUTHORIZED);
        problem(api.refresh(a.refreshToken()), HttpStatus.UNAUTHORIZED);
        problem(api.attemptLogin(email, PASSWORD), HttpStatus.UNAUTHORIZED);
        api.login(email, NEW_PASSWORD);
    }

    @Test
    void anUnknownEmailIsAnsweredExactlyLikeAWrongPasswordAndInSimilarTime() {
        String email = newEmail("hal");
        api.signUp(email);
        String unknown = newEmail("ghost");
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();

        // five of each, interleaved so both see the same warm-up and the same noise; five wrong
        // passwords is the account's limit, so no attempt here is throttled yet
        for (int attempt = 0; attempt < 5; attempt++) {
            long started = System.nanoTime();
            WebTestClient.ResponseSpec wrong = api.attemptLogin(email, "wrong password " + attempt);
            wrongPassword.add(System.nanoTime() - started);
            started = System.nanoTime();
            WebTestClient.ResponseSpec missing = api.attemptLogin(unknown, "wrong password " + attempt);
            unknownEmail.add(System.nanoTime() - started);

            wrong.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            missing.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            assertThat(problemBody(missing, HttpStatus.UNAUTHORIZED))
                    .isEqualTo(problemBody(wrong, HttpStatus.UNAUTHORIZED));
        }

        assertThat(median(unknownEmail)).as("median nanoseconds for an unknown email, wrong password: %s, %s",
                        unknownEmail, wrongPassword)
                .isGreaterThanOrEqualTo((long) (0.4 * median(wrongPassword)));
    }

    @Test
    void registerRefusesBadInputAndStoresNothing() {
        String email = newEmail("ivy");
        rejectsBadBodies(REGISTER, null, body("email", email, "password", PASSWORD, "firstName", "Ivy",
                "lastName", "Stone"), "email", "password");

        problem(api.attemptLogin(email, PASSWORD), HttpStatus.UNAUTHORIZED);
        assertThat(api.mailTo(email)).isEmpty();
        api.register(email);
    }

    @Test
    void verifyEmailRefusesBadInputAndConfirmsNothing() {
        String email = newEmail("jon");
        api.register(email);
        String token = api.mailedToken(email, "Confirm");

        rejectsBadBodies(VERIFY, null, body("token", token), null, null);

        problem(api.attemptLogin(email, PASSWORD), HttpStatus.FORBIDDEN);
        api.post(VERIFY, Map.of("token", token)).expectStatus().isNoContent();
        api.login(email, PASSWORD);
    }

    @Test
    void loginRefusesBadInputWithoutCountingItAsFailedSignIns() {
        String email = newEmail("kim");
        api.signUp(email);

        // more bad requests than the account's limit of failed sign-ins
        rejectsBadBodies(LOGIN, null, body("email", email, "password", PASSWORD), "email", null);

        api.login(email, PASSWORD);
    }

    @Test
    void refreshRefusesBadInputAndLeavesTheRefreshTokenUnused() {
        String email = newEmail("lea");
        api.signUp(email);
        Session session = api.login(email, PASSWORD);

        rejectsBadBodies(REFRESH, null, body("refreshToken", session.refreshToken()), null, null);

        json(api.refresh(session.refreshToken()), HttpStatus.OK);
    }

    @Test
    void logoutRefusesBadInputAndEndsNothing() {
        String email = newEmail("max");
        api.signUp(email);
        Session session = api.login(email, PASSWORD);

        rejectsBadBodies(LOGOUT, null, body("refreshToken", session.refreshToken()), null, null);

        json(api.refresh(session.refreshToken()), HttpStatus.OK);
    }

    @Test
    void forgotPasswordRefusesBadInputAndMailsNothing() {
        String email = newEmail("nia");
        api.signUp(email);

        rejectsBadBodies(FORGOT, null, body("email", email), "email", null);

        assertThat(api.mailTo(email)).extracting(mail -> mail.get("subject")).noneMatch(
                subject -> ((String) subject).contains("Reset"));
    }

    @Test
    void resetPasswordRefusesBadInputAndNeitherSpendsTheLinkNorChangesThePassword() {
        String email = newEmail("oto");
        api.signUp(email);
        api.post(FORGOT, Map.of("email", email)).expectStatus().isAccepted();
        String reset = api.mailedToken(email, "Reset");

        rejectsBadBodies(RESET, null, body("token", reset, "newPassword", NEW_PASSWORD), null, "newPassword");

        api.login(email, PASSWORD);
        api.post(RESET, Map.of("token", reset, "newPassword", NEW_PASSWORD)).expectStatus().isNoContent();
        api.login(email, NEW_PASSWORD);
    }

    @Test
    void changePasswordRefusesBadInputAndKeepsThePasswordAndTheSignIns() {
        String email = newEmail("pia");
        api.signUp(email);
        Session session = api.login(email, PASSWORD);

        rejectsBadBodies(CHANGE, session.accessToken(), body("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD),
                null, "newPassword");

        problem(api.attemptLogin(email, NEW_PASSWORD), HttpStatus.UNAUTHORIZED);
        api.login(email, PASSWORD);
        json(api.refresh(session.refreshToken()), HttpStatus.OK);
    }

    @Test
    void adminUsersRefusesBadInputAndCreatesNobody() {
        String admin = tokens.of(UUID.randomUUID(), Role.ADMIN);
        String email = newEmail("quinn");

        rejectsBadBodies(ADMIN_USERS, admin, body("email", email, "password", PASSWORD, "firstName", "Quinn",
                "role", "THERAPIST", "lastName", "Rowe"), "email", "password");
        problem(api.post(ADMIN_USERS, with(body("email", email, "password", PASSWORD, "firstName", "Quinn",
                "lastName", "Rowe"), "role", "KING"), admin), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("role"));

        problem(api.attemptLogin(email, PASSWORD), HttpStatus.UNAUTHORIZED);
        api.create(admin, email, Role.THERAPIST, "Quinn", "Rowe");
        api.login(email, PASSWORD);
    }

    /**
     * Sends {@code valid} broken in every way a client can break it, and expects each to be a
     * problem: 400 (naming the field where there is one), or 413 for a body over 64 KB.
     */
    private void rejectsBadBodies(String path, String token, Map<String, Object> valid, String emailField,
            String passwordField) {
        badRequest(path, token, "{}", valid.keySet().toArray(String[]::new));
        for (String field : valid.keySet()) {
            Map<String, Object> missing = new LinkedHashMap<>(valid);
            missing.remove(field);
            badRequest(path, token, missing, field);
            badRequest(path, token, with(valid, field, "   "), field);
            badRequest(path, token, with(valid, field, Map.of("nested", true)), field);
            badRequest(path, token, with(valid, field, List.of("a", "b")), field);
            badRequest(path, token, with(valid, field, 123456789012L), field);
        }
        if (emailField != null) {
            badRequest(path, token, with(valid, emailField, "not-an-email"), emailField);
            badRequest(path, token, with(valid, emailField, "two@at@example.org"), emailField);
        }
        if (passwordField != null) {
            badRequest(path, token, with(valid, passwordField, ELEVEN_CHARACTERS), passwordField);
        }
        String unknown = valid.containsKey("role") ? "status" : "role";
        badRequest(path, token, with(valid, unknown, "ADMIN"), unknown);
        badRequest(path, token, "{\"" + valid.keySet().iterator().next() + "\": ");
        badRequest(path, token, "[]");
        badRequest(path, token, "");
        badRequest(path, token, "null");

        String last = List.copyOf(valid.keySet()).get(valid.size() - 1);
        problem(send(path, token, MediaType.APPLICATION_JSON, with(valid, last, "x".repeat(70_000))),
                HttpStatus.CONTENT_TOO_LARGE);
        problem(send(path, token, MediaType.TEXT_PLAIN, "email=someone"), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    private void badRequest(String path, String token, Object body, String... namedFields) {
        WebTestClient.BodyContentSpec problem = problem(send(path, token, MediaType.APPLICATION_JSON, body),
                HttpStatus.BAD_REQUEST);
        if (namedFields.length > 0) {
            problem.jsonPath("$.errors[*].field").value(fields -> assertThat(fields)
                    .as("fields named for %s to %s", body, path)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsAll(List.of(namedFields)));
        }
    }

    private WebTestClient.ResponseSpec send(String path, String token, MediaType type, Object body) {
        return api.http().post().uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    @AfterEach
    void noResponseCarriedAPasswordHashATokenHashOrAMailedToken() {
        api.outbox().forEach(mail -> IdentityApi.MAILED_TOKEN.matcher((String) mail.get("body")).results()
                .forEach(match -> mailedTokens.add(match.group(1))));

        List<Seen> scanned = responses.stream().filter(seen -> !seen.path().equals(IdentityApi.OUTBOX)).toList();
        assertThat(scanned).as("response bodies recorded by this test").anySatisfy(
                seen -> assertThat(seen.body()).isNotBlank());
        for (Seen seen : scanned) {
            assertThat(seen.body()).as("%s %s", seen.status(), seen.path())
                    .doesNotContain(SECRET_MARKERS)
                    .doesNotContainPattern(TOKEN_HASH);
            for (String token : mailedTokens) {
                assertThat(seen.body()).as("%s %s", seen.status(), seen.path()).doesNotContain(token);
            }
        }

        // the recorded outbox bodies hold the mailed tokens: the scan would see them anywhere else
        String outbox = responses.stream().filter(seen -> seen.path().equals(IdentityApi.OUTBOX))
                .map(Seen::body).reduce("", String::concat);
        assertThat(mailedTokens).allSatisfy(token -> assertThat(outbox).contains(token));
    }

    private Mono<ClientResponse> recording(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).flatMap(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> {
                    responses.add(new Seen(request.url().getPath(), response.statusCode().value(), body));
                    return response.mutate().body(body).build();
                }));
    }

    private record Seen(String path, int status, String body) {
    }

    private static Map<String, Object> payloadOf(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return IdentityApi.Json.read(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
