package app.haven.messaging;

import static app.haven.messaging.MessagingApi.CONVERSATIONS;
import static app.haven.messaging.MessagingApi.EVENTUALLY;
import static app.haven.messaging.MessagingApi.errorFields;
import static app.haven.messaging.MessagingApi.ids;
import static app.haven.messaging.MessagingApi.items;
import static app.haven.messaging.MessagingApi.json;
import static app.haven.messaging.MessagingApi.noContent;
import static app.haven.messaging.MessagingApi.participantIds;
import static app.haven.messaging.MessagingApi.problem;
import static app.haven.messaging.MessagingApi.problemOneOf;
import static app.haven.messaging.MessagingApi.roleOf;
import static app.haven.messaging.MessagingApi.tag;
import static app.haven.messaging.MessagingApi.unknownConversationId;
import static app.haven.messaging.MessagingApi.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * Conversations over real HTTP with real accounts: who may open which kind with whom, the
 * caller's list (newest activity first, paged, archived apart, muted and archived per person),
 * titles, joining and leaving, legal holds, and a therapy conversation that turns read-only when
 * staff reassign the client. Anyone who is not a participant finds no conversation at all.
 */
@HavenTest
class ConversationsIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private MessagingApi api;

    @BeforeEach
    void setUp() {
        api = new MessagingApi(http, tokens, people);
    }

    @Test
    void aDirectConversationIsOpenedOnceWhicheverOfTheTwoOpensIt() {
        Person ana = api.therapist();
        Person ben = api.therapist();

        Map<String, Object> opened = api.newDirect(ana, ben);
        String id = (String) opened.get("id");
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(opened).containsEntry("type", "DIRECT")
                .containsEntry("sessionId", null)
                .containsEntry("readOnly", false)
                .containsEntry("muted", false)
                .containsEntry("archived", false)
                .containsEntry("unreadCount", 0)
                .containsEntry("lastMessage", null)
                .containsKeys("title", "createdAt", "lastMessageAt");
        assertThat(opened.get("createdAt")).isNotNull();
        assertThat(participantIds(opened)).containsExactlyInAnyOrder(ana.id(), ben.id());
        assertThat(MessagingApi.participants(opened)).allSatisfy(participant ->
                assertThat(participant).containsKeys("role", "joinedAt"));

        // again, from either side, naming oneself too: the same conversation
        assertThat(json(api.openDirect(ana, ben), HttpStatus.OK)).containsEntry("id", id);
        assertThat(json(api.openDirect(ben, ana), HttpStatus.OK)).containsEntry("id", id);
        assertThat(json(api.open(ana, "DIRECT", List.of(ana.id(), ben.id())), HttpStatus.OK)).containsEntry("id", id);

        assertThat(api.conversationIds(ana)).containsExactly(id);
        assertThat(api.conversationIds(ben)).containsExactly(id);
        assertThat(participantIds(api.conversation(ben, id))).containsExactlyInAnyOrder(ana.id(), ben.id());
    }

    @Test
    void whomOneMayOpenADirectConversationWithFollowsTheCaseloads() {
        Person client = api.client();
        Person own = api.therapist();
        Person other = api.therapist();
        Person staff = api.staff();
        Person othersClient = api.client();
        api.assign(othersClient, other);

        // a client reaches no therapist but their own
        problem(api.openDirect(client, own), HttpStatus.FORBIDDEN);
        problem(api.openDirect(client, other), HttpStatus.FORBIDDEN);

        api.assign(client, own);
        String therapy = api.awaitTherapyConversation(client, own);
        assertThat(json(api.openDirect(client, own), HttpStatus.OK)).containsEntry("id", therapy);
        assertThat(json(api.openDirect(own, client), HttpStatus.OK)).containsEntry("id", therapy);
        problem(api.openDirect(client, other), HttpStatus.FORBIDDEN);

        // the practice's staff, yes
        String withStaff = api.newDirectId(client, staff);
        assertThat(api.conversationIds(staff)).containsExactly(withStaff);

        // therapists reach each other, but not each other's clients
        api.newDirect(own, other);
        problem(api.openDirect(other, client), HttpStatus.FORBIDDEN);
        problem(api.openDirect(own, othersClient), HttpStatus.FORBIDDEN);

        // nobody was drawn into a conversation by a refusal: the other client has only their therapy conversation
        assertThat(api.conversationIds(othersClient)).containsExactly(api.awaitTherapyConversation(othersClient, other));
        assertThat(api.conversationIds(client)).containsExactlyInAnyOrder(therapy, withStaff);
    }

    @Test
    void aConversationNeedsRealPeopleAndADirectOneExactlyOneOther() {
        Person ana = api.therapist();
        Person ben = api.therapist();
        Person cas = api.therapist();

        Map<String, Object> unknown = problem(api.open(ana, "DIRECT", List.of(UUID.randomUUID())), HttpStatus.BAD_REQUEST);
        assertThat(errorFields(unknown)).contains("participantIds");
        assertThat(errorFields(problem(api.open(ana, "GROUP", List.of(ben.id(), UUID.randomUUID())),
                HttpStatus.BAD_REQUEST))).contains("participantIds");

        problem(api.open(ana, "DIRECT", List.of(ben.id(), cas.id())), HttpStatus.BAD_REQUEST);
        problem(api.open(ana, "DIRECT", List.of(ana.id())), HttpStatus.BAD_REQUEST);
        problem(api.open(ana, "CHATROOM", List.of(ben.id())), HttpStatus.BAD_REQUEST);

        assertThat(api.conversationIds(ana)).isEmpty();
        assertThat(api.conversationIds(ben)).isEmpty();
    }

    @Test
    void groupsAreOpenedByTherapistsForTheirClientsWithTheCreatorAsAdmin() {
        Person therapist = api.therapist();
        Person first = api.client();
        Person second = api.client();
        Person stranger = api.client();
        api.assign(first, therapist);
        api.assign(second, therapist);

        problem(api.openGroup(first, "GROUP", "Our group", second), HttpStatus.FORBIDDEN);
        problem(api.openGroup(first, "SUPPORT", "Help", therapist), HttpStatus.FORBIDDEN);
        // a client of nobody's caseload here is out of the therapist's reach
        problem(api.openGroup(therapist, "GROUP", "Mixed", first, stranger), HttpStatus.FORBIDDEN);

        String title = "Sleep group " + tag();
        Map<String, Object> group = api.newGroup(therapist, title, first, second);
        assertThat(group).containsEntry("type", "GROUP").containsEntry("title", title)
                .containsEntry("readOnly", false);
        assertThat(participantIds(group)).containsExactlyInAnyOrder(therapist.id(), first.id(), second.id());
        assertThat(roleOf(group, therapist)).isEqualTo("ADMIN");
        assertThat(roleOf(group, first)).isEqualTo("MEMBER");
        assertThat(roleOf(group, second)).isEqualTo("MEMBER");

        // groups are not deduplicated like DIRECT ones, and need no title
        Map<String, Object> untitled = api.newGroup(therapist, null, first, second);
        assertThat(untitled.get("id")).isNotEqualTo(group.get("id"));
        assertThat(untitled).containsEntry("title", null);

        assertThat(api.conversationIds(first)).containsExactlyInAnyOrder((String) group.get("id"),
                (String) untitled.get("id"), api.awaitTherapyConversation(first, therapist));
        assertThat(api.conversationIds(stranger)).isEmpty();

        Map<String, Object> asSeenByMember = api.conversation(second, (String) group.get("id"));
        assertThat(roleOf(asSeenByMember, therapist)).isEqualTo("ADMIN");
    }

    @Test
    void aSessionConversationHoldsTheSessionsClientAndTherapistOnce() {
        Person therapist = api.therapist();
        Person client = api.client();
        Person otherTherapist = api.therapist();
        Person otherClient = api.client();
        api.assign(client, therapist);
        String sessionId = api.scheduleSession(therapist, client);

        // participantIds are ignored: the session decides who is in
        Map<String, Object> opened = json(api.openSession(therapist, sessionId, List.of(otherTherapist.id())),
                HttpStatus.CREATED);
        String id = (String) opened.get("id");
        assertThat(opened).containsEntry("type", "SESSION").containsEntry("sessionId", sessionId);
        assertThat(participantIds(opened)).containsExactlyInAnyOrder(therapist.id(), client.id());

        assertThat(json(api.openSession(client, sessionId, List.of(therapist.id())), HttpStatus.OK))
                .containsEntry("id", id);
        assertThat(json(api.openSession(therapist, sessionId, List.of(client.id())), HttpStatus.OK))
                .containsEntry("id", id);

        problem(api.openSession(therapist, UUID.randomUUID().toString(), List.of(client.id())), HttpStatus.NOT_FOUND);
        problemOneOf(api.openSession(otherTherapist, sessionId, List.of(client.id())),
                HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        problemOneOf(api.openSession(otherClient, sessionId, List.of(therapist.id())),
                HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        problem(api.open(therapist, "SESSION", List.of(client.id())), HttpStatus.BAD_REQUEST);

        assertThat(api.conversationIds(otherTherapist)).isEmpty();
        assertThat(api.conversationIds(otherClient)).isEmpty();
        assertThat(api.conversationIds(client)).contains(id);
        problem(api.getConversation(otherTherapist, id), HttpStatus.NOT_FOUND);
    }

    @Test
    void theListShowsNewestActivityFirstWithUnreadCountsAndTheLastMessageAndPagesThroughAllOnce() {
        Person me = api.therapist();
        Person a = api.therapist();
        Person b = api.therapist();
        Person c = api.therapist();
        Person d = api.therapist();
        String withA = api.newDirectId(me, a);
        String withB = api.newDirectId(me, b);
        String withC = api.newDirectId(me, c);
        String withD = api.newDirectId(me, d);
        String group = api.newGroupId(me, a, b);

        // activity in an order unlike the opening order
        api.sent(c, withC, "c says hello");
        api.sent(me, group, "hello group");
        String longText = "x".repeat(150) + "y".repeat(150);
        String fromA = api.sentId(a, withA, longText);
        api.sent(b, withB, "b one");
        api.sent(b, withB, "b two");
        api.sent(me, withD, "me to d");

        List<String> expected = List.of(withD, withB, withA, group, withC);
        List<Map<String, Object>> list = api.conversations(me);
        assertThat(ids(list)).containsExactlyElementsOf(expected);

        Map<String, Map<String, Object>> byId = new HashMap<>();
        list.forEach(conversation -> byId.put((String) conversation.get("id"), conversation));
        assertThat(byId.get(withB)).containsEntry("unreadCount", 2);
        assertThat(byId.get(withC)).containsEntry("unreadCount", 1);
        assertThat(byId.get(withA)).containsEntry("unreadCount", 1);
        assertThat(byId.get(withD)).as("one's own messages are never unread").containsEntry("unreadCount", 0);
        assertThat(byId.get(group)).containsEntry("unreadCount", 0);

        @SuppressWarnings("unchecked")
        Map<String, Object> lastOfA = (Map<String, Object>) byId.get(withA).get("lastMessage");
        assertThat(lastOfA).containsEntry("id", fromA)
                .containsEntry("senderId", a.idText())
                .containsEntry("type", "TEXT")
                .containsEntry("content", longText.substring(0, 200));
        assertThat(lastOfA.get("createdAt")).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> lastOfB = (Map<String, Object>) byId.get(withB).get("lastMessage");
        assertThat(lastOfB).containsEntry("content", "b two").containsEntry("senderId", b.idText());

        // the other side counts its own unread messages
        assertThat(api.conversations(a)).filteredOn(conversation -> withA.equals(conversation.get("id")))
                .singleElement().satisfies(conversation -> assertThat(conversation).containsEntry("unreadCount", 0));
        assertThat(api.conversations(d)).singleElement()
                .satisfies(conversation -> assertThat(conversation).containsEntry("unreadCount", 1));

        // two at a time, every conversation exactly once, in the same order
        List<String> walked = walk(cursor -> cursor == null
                ? api.conversationPage(me, "limit", 2)
                : api.conversationPage(me, "limit", 2, "cursor", cursor), 10);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(items(api.conversationPage(me, "limit", 2))).hasSize(2);

        // an outsized page is capped, not refused
        List<Map<String, Object>> capped = items(api.conversationPage(me, "limit", 1000));
        assertThat(capped).hasSizeLessThanOrEqualTo(100);
        assertThat(ids(capped)).containsExactlyElementsOf(expected);
    }

    @Test
    void archivingAndMutingAreEachPersonsOwn() {
        Person me = api.therapist();
        Person other = api.therapist();
        Person third = api.therapist();
        String shared = api.newDirectId(me, other);
        String kept = api.newDirectId(me, third);

        Map<String, Object> archived = json(api.patchConversation(me, shared, Map.of("archived", true)), HttpStatus.OK);
        assertThat(archived).containsEntry("id", shared).containsEntry("archived", true).containsEntry("muted", false);
        assertThat(api.conversationIds(me)).containsExactly(kept);
        assertThat(api.conversationIds(me, "archived", false)).containsExactly(kept);
        assertThat(api.conversationIds(me, "archived", true)).containsExactly(shared);
        assertThat(api.conversation(me, shared)).containsEntry("archived", true);

        // the other participant still has it, unarchived
        assertThat(api.conversationIds(other)).containsExactly(shared);
        assertThat(api.conversationIds(other, "archived", true)).isEmpty();
        assertThat(api.conversation(other, shared)).containsEntry("archived", false);

        Map<String, Object> muted = json(api.patchConversation(me, shared, Map.of("muted", true)), HttpStatus.OK);
        assertThat(muted).containsEntry("muted", true).containsEntry("archived", true);
        assertThat(api.conversation(me, shared)).containsEntry("muted", true);
        assertThat(api.conversation(other, shared)).containsEntry("muted", false);

        json(api.patchConversation(me, shared, Map.of("archived", false)), HttpStatus.OK);
        assertThat(api.conversationIds(me)).containsExactlyInAnyOrder(shared, kept);
        assertThat(api.conversationIds(me, "archived", true)).isEmpty();
        assertThat(api.conversation(me, shared)).containsEntry("muted", true).containsEntry("archived", false);

        json(api.patchConversation(me, shared, Map.of("muted", false)), HttpStatus.OK);
        assertThat(api.conversation(me, shared)).containsEntry("muted", false);
    }

    @Test
    void onlyAGroupsAdminRenamesItAndADirectConversationHasNoTitleToChange() {
        Person admin = api.therapist();
        Person member = api.therapist();
        Person other = api.therapist();
        String group = api.newGroupId(admin, member, other);
        String direct = api.newDirectId(admin, member);

        String title = "Renamed " + tag();
        assertThat(json(api.patchConversation(admin, group, Map.of("title", title)), HttpStatus.OK))
                .containsEntry("title", title);
        assertThat(api.conversation(member, group)).containsEntry("title", title);

        problem(api.patchConversation(member, group, Map.of("title", "Mine now")), HttpStatus.FORBIDDEN);
        problem(api.patchConversation(admin, group, Map.of("title", "t".repeat(201))), HttpStatus.BAD_REQUEST);
        problem(api.patchConversation(admin, direct, Map.of("title", "Us two")), HttpStatus.CONFLICT);
        assertThat(api.conversation(other, group)).containsEntry("title", title);

        // a member still keeps their own settings
        assertThat(json(api.patchConversation(member, group, Map.of("muted", true)), HttpStatus.OK))
                .containsEntry("muted", true).containsEntry("title", title);
        assertThat(json(api.patchConversation(admin, group, Map.of("title", "t".repeat(200))), HttpStatus.OK))
                .containsEntry("title", "t".repeat(200));
    }

    @Test
    void membersComeAndGoOnlyAsAGroupsAdminAllowsAndWhoeverLeftFindsNothing() {
        Person admin = api.therapist();
        Person member = api.therapist();
        Person newcomer = api.therapist();
        Person outOfReach = api.client();
        Person someone = api.therapist();
        String group = api.newGroupId(admin, member);
        String direct = api.newDirectId(admin, someone);
        api.sent(admin, group, "welcome");

        problem(api.addParticipant(member, group, newcomer), HttpStatus.FORBIDDEN);
        problem(api.addParticipant(admin, group, outOfReach), HttpStatus.FORBIDDEN);
        problem(api.addParticipant(admin, direct, newcomer), HttpStatus.CONFLICT);
        assertThat(participantIds(api.conversation(admin, group))).containsExactlyInAnyOrder(admin.id(), member.id());
        assertThat(participantIds(api.conversation(admin, direct))).containsExactlyInAnyOrder(admin.id(), someone.id());
        problem(api.getConversation(newcomer, group), HttpStatus.NOT_FOUND);

        Map<String, Object> added = json(api.addParticipant(admin, group, newcomer), HttpStatus.CREATED);
        assertThat(added).containsEntry("userId", newcomer.idText()).containsEntry("role", "MEMBER");
        assertThat(added.get("joinedAt")).isNotNull();
        assertThat(participantIds(api.conversation(newcomer, group)))
                .containsExactlyInAnyOrder(admin.id(), member.id(), newcomer.id());
        assertThat(api.conversationIds(newcomer)).containsExactly(group);

        // a member removes nobody but themselves
        problem(api.removeParticipant(member, group, newcomer), HttpStatus.FORBIDDEN);
        problem(api.removeParticipant(member, group, admin), HttpStatus.FORBIDDEN);

        // leaving
        noContent(api.removeParticipant(newcomer, group, newcomer));
        problem(api.getConversation(newcomer, group), HttpStatus.NOT_FOUND);
        problem(api.getMessages(newcomer, group), HttpStatus.NOT_FOUND);
        problem(api.sendText(newcomer, group, "still here?"), HttpStatus.NOT_FOUND);
        assertThat(api.conversationIds(newcomer)).isEmpty();
        assertThat(participantIds(api.conversation(admin, group))).containsExactlyInAnyOrder(admin.id(), member.id());

        // removed by the admin
        noContent(api.removeParticipant(admin, group, member));
        problem(api.getConversation(member, group), HttpStatus.NOT_FOUND);
        problem(api.getMessages(member, group), HttpStatus.NOT_FOUND);
        assertThat(api.conversationIds(member)).isEmpty();
        assertThat(participantIds(api.conversation(admin, group))).containsExactly(admin.id());

        // nobody leaves a DIRECT conversation
        problem(api.removeParticipant(someone, direct, someone), HttpStatus.CONFLICT);
        problem(api.removeParticipant(admin, direct, admin), HttpStatus.CONFLICT);
        assertThat(api.conversationIds(someone)).containsExactly(direct);
    }

    @Test
    void someoneWhoIsNotAParticipantFindsNoConversationAtAll() {
        Person admin = api.therapist();
        Person member = api.therapist();
        Person stranger = api.therapist();
        Person strangersColleague = api.therapist();
        String group = api.newGroupId(admin, member);
        api.sent(admin, group, "private words");

        for (String id : List.of(group, unknownConversationId())) {
            problem(api.getConversation(stranger, id), HttpStatus.NOT_FOUND);
            problem(api.getMessages(stranger, id), HttpStatus.NOT_FOUND);
            problem(api.sendText(stranger, id, "let me in"), HttpStatus.NOT_FOUND);
            problem(api.patchConversation(stranger, id, Map.of("muted", true)), HttpStatus.NOT_FOUND);
            problem(api.patchConversation(stranger, id, Map.of("title", "Mine")), HttpStatus.NOT_FOUND);
            problem(api.addParticipant(stranger, id, strangersColleague), HttpStatus.NOT_FOUND);
            problem(api.removeParticipant(stranger, id, member), HttpStatus.NOT_FOUND);
            problem(api.removeParticipant(stranger, id, stranger), HttpStatus.NOT_FOUND);
            problem(api.readConversation(stranger, id), HttpStatus.NOT_FOUND);
        }
        assertThat(api.conversationIds(stranger)).isEmpty();
        assertThat(participantIds(api.conversation(admin, group))).containsExactlyInAnyOrder(admin.id(), member.id());
        assertThat(MessagingApi.contents(api.history(member, group))).containsExactly("private words");
    }

    @Test
    void onlyThePracticesAdministratorsPlaceAndLiftLegalHolds() {
        Person therapist = api.therapist();
        Person client = api.client();
        Person staff = api.staff();
        Person admin = api.admin();
        api.assign(client, therapist);
        String group = api.newGroupId(therapist, client);
        Map<String, Object> hold = Map.of("reason", "Subpoena " + tag());

        // not the group's own admin, nor staff, nor a client
        for (Person refused : List.of(therapist, client, staff)) {
            problem(api.put(refused, hold, CONVERSATIONS + "/{id}/legal-hold", group), HttpStatus.FORBIDDEN);
            problem(api.delete(refused, CONVERSATIONS + "/{id}/legal-hold", group), HttpStatus.FORBIDDEN);
        }

        // an administrator need not be a participant
        noContent(api.put(admin, hold, CONVERSATIONS + "/{id}/legal-hold", group));
        noContent(api.put(admin, hold, CONVERSATIONS + "/{id}/legal-hold", group));
        noContent(api.delete(admin, CONVERSATIONS + "/{id}/legal-hold", group));
        assertThat(api.conversationIds(admin)).doesNotContain(group);
        assertThat(participantIds(api.conversation(therapist, group)))
                .containsExactlyInAnyOrder(therapist.id(), client.id());
    }

    @Test
    void theTherapyConversationBecomesReadOnlyWhenStaffReassignTheClientAndItsHistoryStays() {
        Person client = api.client();
        Person first = api.therapist();
        Person second = api.therapist();
        api.assign(client, first);
        String therapy = api.awaitTherapyConversation(client, first);
        assertThat(api.conversation(client, therapy)).containsEntry("readOnly", false);
        String hello = api.sentId(first, therapy, "Welcome, see you Tuesday");
        String reply = api.sentId(client, therapy, "Thank you");

        api.assign(client, second);
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(api.conversation(client, therapy)).containsEntry("readOnly", true));
        assertThat(api.conversation(first, therapy)).containsEntry("readOnly", true);

        problem(api.sendText(first, therapy, "one more thing"), HttpStatus.CONFLICT);
        problem(api.sendText(client, therapy, "one more thing"), HttpStatus.CONFLICT);
        for (Person reader : List.of(client, first)) {
            assertThat(ids(api.history(reader, therapy))).containsSubsequence(reply, hello);
        }

        // the new therapist's conversation is open
        String next = api.awaitTherapyConversation(client, second);
        assertThat(next).isNotEqualTo(therapy);
        assertThat(api.conversation(client, next)).containsEntry("readOnly", false);
        api.sent(second, next, "Hello, I am taking over");
    }
}
