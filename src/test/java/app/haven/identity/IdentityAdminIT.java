package app.haven.identity;

import static app.haven.identity.IdentityApi.PASSWORD;
import static app.haven.identity.IdentityApi.json;
import static app.haven.identity.IdentityApi.newEmail;
import static app.haven.identity.IdentityApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import app.haven.identity.IdentityApi.AuditWalk;
import app.haven.identity.IdentityApi.Session;
import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.TestTokens;

/**
 * What administrators do with identity (create staff accounts, read the sign-in audit), the
 * public signing key, and whom a person may find: only the people they may message.
 */
@HavenTest
class IdentityAdminIT {

    private static final String ADMIN_USERS = "/api/v1/admin/users";
    private static final String SECURITY_EVENTS = "/api/v1/admin/security-events";

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;

    private IdentityApi api;
    private String admin;

    @BeforeEach
    void setUp() {
        http = http.mutate().responseTimeout(IdentityApi.PATIENCE).build();
        api = new IdentityApi(http);
        admin = tokens.of(UUID.randomUUID(), Role.ADMIN);
    }

    @Test
    void anAdministratorCreatesATherapistWhoSignsInAtOnce() {
        String email = newEmail("therapist");

        Map<String, Object> created = api.create(admin, email, Role.THERAPIST, "Tara", "Nguyen");

        assertThat(created).containsOnlyKeys("id", "email", "firstName", "lastName", "role")
                .containsEntry("email", email.toLowerCase(java.util.Locale.ROOT));
        Session session = api.login(email, PASSWORD);
        assertThat(session.user()).isEqualTo(created);
        assertThat(json(api.get("/api/v1/users/me", session.accessToken()), HttpStatus.OK)).isEqualTo(created);
        problem(api.post(ADMIN_USERS, Map.of("email", email.toUpperCase(), "password", PASSWORD,
                "firstName", "Tara", "lastName", "Again", "role", "STAFF"), admin), HttpStatus.CONFLICT);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"STAFF", "THERAPIST", "CLIENT"})
    void noOtherRoleCreatesAccountsOrReadsTheAudit(Role role) {
        String caller = tokens.of(UUID.randomUUID(), role);
        String email = newEmail("never");

        problem(api.post(ADMIN_USERS, Map.of("email", email, "password", PASSWORD, "firstName", "Never",
                "lastName", "Created", "role", "ADMIN"), caller), HttpStatus.FORBIDDEN);
        problem(api.get(SECURITY_EVENTS, caller), HttpStatus.FORBIDDEN);

        problem(api.attemptLogin(email, PASSWORD), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutATokenNobodyCreatesAccountsOrReadsTheAudit() {
        problem(api.post(ADMIN_USERS, Map.of("email", newEmail("anon"), "password", PASSWORD, "firstName", "A",
                "lastName", "B", "role", "ADMIN")), HttpStatus.UNAUTHORIZED);
        problem(http.get().uri(SECURITY_EVENTS).exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theAuditShowsAdministratorsFailedAndSuccessfulSignInsAndRefreshTokenReuseWithAddressAndClientPageByPage() {
        String email = newEmail("audited");
        UUID account = UUID.fromString((String) api.create(admin, email, Role.CLIENT, "Audrey", "Tate").get("id"));
        String userAgent = "HavenAuditTest/" + UUID.randomUUID();
        IdentityApi fromApp = new IdentityApi(http.mutate().defaultHeader(HttpHeaders.USER_AGENT, userAgent).build());

        problem(fromApp.attemptLogin(email, "not the password"), HttpStatus.UNAUTHORIZED);
        Session session = fromApp.login(email, PASSWORD);
        json(fromApp.refresh(session.refreshToken()), HttpStatus.OK);
        problem(fromApp.refresh(session.refreshToken()), HttpStatus.UNAUTHORIZED);

        Set<String> wanted = Set.of("SIGN_IN_FAILED", "SIGN_IN_SUCCEEDED", "REFRESH_TOKEN_REUSED");
        AuditWalk walk = api.securityEventsOf(admin, account, 2, 200,
                mine -> mine.stream().map(entry -> entry.get("type")).toList().containsAll(wanted));

        assertThat(walk.myTypes()).containsAll(wanted);
        assertThat(walk.pages()).as("pages of two followed by their cursor").isGreaterThan(1);
        assertThat(walk.mine()).filteredOn(entry -> wanted.contains(entry.get("type"))).allSatisfy(entry -> {
            assertThat(entry).containsKeys("id", "type", "accountId", "address", "userAgent", "occurredAt");
            assertThat(entry.get("address")).as("the loopback address the test connects from")
                    .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(entry).containsEntry("userAgent", userAgent);
        });
        assertThat(walk.myTypes()).as("newest first").containsSubsequence("REFRESH_TOKEN_REUSED", "SIGN_IN_SUCCEEDED",
                "SIGN_IN_FAILED");
        Set<Object> ids = new HashSet<>();
        assertThat(walk.all()).as("no entry on two pages").allMatch(entry -> ids.add(entry.get("id")));
        List<Instant> times = walk.all().stream().map(entry -> Instant.parse((String) entry.get("occurredAt"))).toList();
        assertThat(times).as("newest first across pages").isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void aCursorThatTheAuditDidNotHandOutIsABadRequest() {
        problem(api.get(SECURITY_EVENTS + "?cursor=not-a-cursor", admin), HttpStatus.BAD_REQUEST);
        problem(api.get(SECURITY_EVENTS + "?limit=0", admin), HttpStatus.BAD_REQUEST);
    }

    @Test
    void thePublicSigningKeyIsPublishedWithoutItsPrivatePartsAndVerifiesHavensTokens() throws Exception {
        Map<String, Object> jwks = json(http.get().uri("/.well-known/jwks.json").exchange(), HttpStatus.OK);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).containsEntry("kty", "RSA").containsKeys("kid", "n", "e")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth");

        String email = newEmail("jwks");
        api.create(admin, email, Role.STAFF, "Kim", "Key");
        SignedJWT issued = SignedJWT.parse(api.login(email, PASSWORD).accessToken());
        RSAKey published = JWK.parse(keys.get(0)).toRSAKey();
        assertThat(published.isPrivate()).isFalse();
        assertThat(issued.getHeader().getKeyID()).isIn(null, published.getKeyID());
        assertThat(issued.verify(new RSASSAVerifier(published))).as("signed by the published key").isTrue();
        assertThat(JWKSet.parse(jwks).getKeys()).hasSize(1);
    }

    @Test
    void searchFindsOnlyThePeopleTheCallerMayMessageAndNeverTheCaller() {
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 8);
        UUID therapist = id(api.create(admin, newEmail("t"), Role.THERAPIST, "Theo", "Therapist" + tag));
        UUID client = id(api.create(admin, newEmail("c1"), Role.CLIENT, "Cleo", "Clientone" + tag));
        UUID otherClient = id(api.create(admin, newEmail("c2"), Role.CLIENT, "Cato", "Clienttwo" + tag));
        // an unconfirmed client whose name carries the tag too: not active, so never found
        Map<String, Object> pending = api.register(newEmail("pending"), "Pat", "Pending" + tag);
        http.post().uri("/api/v1/patients/{clientId}/assignments", client)
                .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.STAFF)))
                .bodyValue(Map.of("therapistId", therapist))
                .exchange()
                .expectStatus().isCreated();
        String staff = tokens.of(UUID.randomUUID(), Role.STAFF);

        assertThat(search(staff, tag)).as("staff reach everyone active: the tag matches all three")
                .containsExactlyInAnyOrder(therapist, client, otherClient)
                .doesNotContain(id(pending));
        assertThat(search(tokens.of(client, Role.CLIENT), tag)).containsExactly(therapist);
        assertThat(search(tokens.of(client, Role.CLIENT), "apist" + tag.substring(0, 5))).containsExactly(therapist);
        assertThat(search(tokens.of(therapist, Role.THERAPIST), tag)).containsExactly(client);
        assertThat(search(tokens.of(otherClient, Role.CLIENT), tag)).isEmpty();
        assertThat(search(tokens.of(UUID.randomUUID(), Role.CLIENT), tag)).isEmpty();

        Map<String, Object> found = searchResults(tokens.of(client, Role.CLIENT), tag).get(0);
        assertThat(found).containsOnlyKeys("id", "firstName", "lastName", "role")
                .containsEntry("firstName", "Theo").containsEntry("role", "THERAPIST");
    }

    @Test
    void searchNeedsSomethingToLookFor() {
        String client = tokens.of(UUID.randomUUID(), Role.CLIENT);
        problem(api.get("/api/v1/users/search", client), HttpStatus.BAD_REQUEST);
        problem(http.get().uri(uri -> uri.path("/api/v1/users/search").queryParam("q", "  ").build())
                .headers(h -> h.setBearerAuth(client)).exchange(), HttpStatus.BAD_REQUEST);
        problem(http.get().uri(uri -> uri.path("/api/v1/users/search").queryParam("q", "x".repeat(101)).build())
                .headers(h -> h.setBearerAuth(client)).exchange(), HttpStatus.BAD_REQUEST);
        problem(http.get().uri("/api/v1/users/search?q=a").exchange(), HttpStatus.UNAUTHORIZED);
    }

    private List<UUID> search(String token, String text) {
        return searchResults(token, text).stream().map(IdentityAdminIT::id).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> searchResults(String token, String text) {
        Map<String, Object> page = json(api.get("/api/v1/users/search?q=" + text, token), HttpStatus.OK);
        assertThat(page).containsEntry("nextCursor", null);
        return (List<Map<String, Object>>) Objects.requireNonNull(page.get("items"));
    }

    private static UUID id(Map<String, Object> person) {
        return UUID.fromString((String) person.get("id"));
    }
}
