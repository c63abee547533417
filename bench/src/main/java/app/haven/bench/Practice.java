package app.haven.bench;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The people the scenarios need, created through Haven's admin API like any practice's accounts:
 * the bootstrap administrator, one STAFF member who starts conversations, and therapists who
 * send, read and listen. Tokens last 15 minutes, so scenarios sign in again when they need to.
 */
final class Practice {

    private static final String PASSWORD = "bench-member-password";
    private static final int START_LIMIT = 200;

    record Person(String id, String email, String token) {
    }

    final Person admin;
    final Person staff;
    final List<Person> members;
    private final long signedInAt = System.nanoTime();

    private Practice(Person admin, Person staff, List<Person> members) {
        this.admin = admin;
        this.staff = staff;
        this.members = members;
    }

    /** This practice, or everyone signed in again once the tokens are more than 7 of their 15 minutes old. */
    Practice fresh(Http http) {
        return System.nanoTime() - signedInAt < java.time.Duration.ofMinutes(7).toNanos() ? this : signedInAgain(http);
    }

    static Practice create(Http http, int memberCount) {
        String adminToken = http.login(HavenProcess.ADMIN_EMAIL, HavenProcess.ADMIN_PASSWORD);
        Person admin = new Person(null, HavenProcess.ADMIN_EMAIL, adminToken);
        Person staff = person(http, adminToken, "STAFF", "staff").block();
        // password hashing (Argon2id) is the cost here: two at a time keeps both cores busy
        List<Person> members = Flux.range(0, memberCount)
                .flatMapSequential(i -> person(http, adminToken, "THERAPIST", "member-" + i), 2)
                .collectList().block();
        System.out.printf("created 1 staff member and %d therapists through the API%n", memberCount);
        return new Practice(admin, staff, members);
    }

    /** Everyone signs in again, for fresh 15-minute tokens. */
    private Practice signedInAgain(Http http) {
        String adminToken = http.login(HavenProcess.ADMIN_EMAIL, HavenProcess.ADMIN_PASSWORD);
        List<Person> fresh = Flux.fromIterable(members)
                .flatMapSequential(member -> login(http, member.email()).map(token -> new Person(member.id(), member.email(), token)), 2)
                .collectList().block();
        return new Practice(new Person(null, admin.email(), adminToken),
                new Person(staff.id(), staff.email(), http.login(staff.email(), PASSWORD)), fresh);
    }

    /**
     * A GROUP conversation the staff member starts with the first {@code count} members: Haven takes
     * at most 200 people when a conversation starts, so the rest are added one by one, as a
     * moderator would.
     */
    String group(Http http, String title, int count) {
        List<String> ids = memberIds(count);
        String id = http.post("/api/v1/conversations", staff.token(), Map.of("type", "GROUP", "title", title,
                "participantIds", ids.subList(0, Math.min(START_LIMIT, ids.size())))).get("id").asString();
        Flux.fromIterable(ids.subList(Math.min(START_LIMIT, ids.size()), ids.size()))
                .concatMap(member -> http.call("POST", "/api/v1/conversations/" + id + "/participants", staff.token(),
                        Map.of("userId", member)))
                .blockLast();
        return id;
    }

    List<String> memberIds(int count) {
        return members.subList(0, count).stream().map(Person::id).toList();
    }

    private static Mono<Person> person(Http http, String adminToken, String role, String name) {
        String email = name + "@bench.example";
        return http.call("POST", "/api/v1/admin/users", adminToken, Map.of("email", email, "password", PASSWORD,
                        "firstName", "Bench", "lastName", name, "role", role))
                .map(answer -> Http.JSON.readTree(answer).get("id").asString())
                .flatMap(id -> login(http, email).map(token -> new Person(id, email, token)));
    }

    private static Mono<String> login(Http http, String email) {
        return http.call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD))
                .map(answer -> Http.JSON.readTree(answer).get("accessToken").asString());
    }
}
