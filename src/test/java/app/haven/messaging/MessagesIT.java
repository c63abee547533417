package app.haven.messaging;

import static app.haven.messaging.MessagingApi.ACCESS_AUDIT;
import static app.haven.messaging.MessagingApi.EVENTUALLY;
import static app.haven.messaging.MessagingApi.blockedProblem;
import static app.haven.messaging.MessagingApi.contents;
import static app.haven.messaging.MessagingApi.errorFields;
import static app.haven.messaging.MessagingApi.ids;
import static app.haven.messaging.MessagingApi.items;
import static app.haven.messaging.MessagingApi.json;
import static app.haven.messaging.MessagingApi.noContent;
import static app.haven.messaging.MessagingApi.problem;
import static app.haven.messaging.MessagingApi.reactions;
import static app.haven.messaging.MessagingApi.readBy;
import static app.haven.messaging.MessagingApi.tag;
import static app.haven.messaging.MessagingApi.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * Messages over real HTTP with real accounts: sending and paging back through the history, the
 * rules on content, retries that never duplicate, replies, edits and their history, deletions
 * that leave a tombstone, read positions and unread counts, reactions, blocks, and search. A
 * person outside a conversation can reach none of its messages by any route, and every reading of
 * a conversation's messages is in the access audit.
 */
@HavenTest
class MessagesIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private MessagingApi api;

    @BeforeEach
    void setUp() {
        api = new MessagingApi(http, tokens, people);
    }

    @Test
    void messagesAreListedNewestFirstAndPagingBackWithBeforeVisitsEachOnce() {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);

        Map<String, Object> first = api.sent(me, direct, "message 1");
        assertThat(first).containsEntry("conversationId", direct)
                .containsEntry("senderId", me.idText())
                .containsEntry("content", "message 1")
                .containsEntry("type", "TEXT")
                .containsEntry("editedAt", null)
                .containsEntry("deleted", false)
                .containsEntry("replyTo", null)
                .containsKey("attachments");
        assertThat(first.get("id")).isInstanceOf(String.class);
        assertThat(first.get("createdAt")).isNotNull();
        assertThat((List<?>) first.get("attachments")).isNullOrEmpty();
        assertThat(reactions(first)).isEmpty();
        assertThat(readBy(first)).isEmpty();

        List<String> sent = new ArrayList<>();
        sent.add((String) first.get("id"));
        for (int i = 2; i <= 10; i++) {
            sent.add(api.sentId(i % 2 == 0 ? you : me, direct, "message " + i));
        }
        assertThat(sent).doesNotHaveDuplicates();
        List<String> newestFirst = new ArrayList<>(sent);
        Collections.reverse(newestFirst);

        List<Map<String, Object>> all = api.history(me, direct);
        assertThat(ids(all)).containsExactlyElementsOf(newestFirst);
        assertThat(contents(all)).containsExactly("message 10", "message 9", "message 8", "message 7", "message 6",
                "message 5", "message 4", "message 3", "message 2", "message 1");
        assertThat(ids(api.history(you, direct))).containsExactlyElementsOf(newestFirst);

        // three at a time, going back with "before"
        List<String> walked = new ArrayList<>();
        List<Map<String, Object>> page = api.messages(me, direct, "limit", 3);
        for (int pages = 0; !page.isEmpty(); pages++) {
            assertThat(pages).as("pages needed for ten messages").isLessThan(5);
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            walked.addAll(ids(page));
            if (page.size() < 3) {
                break;
            }
            page = api.messages(me, direct, "limit", 3, "before", ids(page).get(page.size() - 1));
        }
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(ids(api.messages(me, direct, "limit", 3, "before", sent.get(5))))
                .containsExactly(sent.get(4), sent.get(3), sent.get(2));
        assertThat(api.messages(me, direct, "before", sent.get(0))).isEmpty();

        // the default page holds them all; an outsized one is capped, not refused
        assertThat(ids(api.messages(me, direct))).containsExactlyElementsOf(newestFirst);
        List<Map<String, Object>> capped = api.messages(me, direct, "limit", 500);
        assertThat(capped).hasSizeLessThanOrEqualTo(100);
        assertThat(ids(capped)).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void contentMustBeOneToTenThousandCharactersOfAKindPeopleMaySend() {
        Person me = api.therapist();
        Person you = api.therapist();
        Person third = api.therapist();
        String direct = api.newDirectId(me, you);
        String elsewhere = api.newDirectId(me, third);
        String foreignMessage = api.sentId(me, elsewhere, "somewhere else");

        for (String content : List.of("", "   ", "\n\t ", "x".repeat(10_001))) {
            assertThat(errorFields(problem(api.sendText(me, direct, content), HttpStatus.BAD_REQUEST)))
                    .as("content of %d characters", content.length()).contains("content");
        }
        problem(api.sendMessage(me, direct, Map.of("type", "TEXT")), HttpStatus.BAD_REQUEST);
        problem(api.sendMessage(me, direct, Map.of("content", "I am the system", "type", "SYSTEM")),
                HttpStatus.BAD_REQUEST);
        problem(api.sendMessage(me, direct, Map.of("content", "loud", "type", "SHOUT")), HttpStatus.BAD_REQUEST);
        problem(api.sendMessage(me, direct, Map.of("content", "a reply", "type", "TEXT", "replyToId", foreignMessage)),
                HttpStatus.BAD_REQUEST);
        problem(api.sendMessage(me, direct, Map.of("content", "a reply", "type", "TEXT", "replyToId", direct + "-999")),
                HttpStatus.BAD_REQUEST);

        assertThat(api.history(me, direct)).as("nothing refused was stored").isEmpty();
        assertThat(api.history(you, direct)).isEmpty();
        assertThat(api.conversation(you, direct)).containsEntry("unreadCount", 0).containsEntry("lastMessage", null);

        Map<String, Object> longest = api.sent(me, direct, "y".repeat(10_000));
        assertThat((String) longest.get("content")).hasSize(10_000);
        json(api.sendText(me, direct, "  " + "z".repeat(10_000) + "  "), HttpStatus.CREATED);
        assertThat(api.history(you, direct)).hasSize(2);
    }

    @Test
    void aRetriedSendWithTheSameClientMessageIdIsOneMessageEvenWhenTheRetriesRace() throws Exception {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        String retried = "retry-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("content", "Are we still on for Friday?", "type", "TEXT",
                "clientMessageId", retried);

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> message = json(api.sendMessage(me, direct, body), HttpStatus.CREATED);
            assertThat(message).containsEntry("content", "Are we still on for Friday?");
            answers.add((String) message.get("id"));
        }
        assertThat(answers).containsOnly(answers.get(0));
        assertThat(ids(api.history(you, direct))).containsExactly(answers.get(0));

        // three at once
        Map<String, Object> racing = Map.of("content", "Sent from a train", "type", "TEXT",
                "clientMessageId", "race-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EntityExchangeResult<Map<String, Object>>>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.sendMessage(me, direct, racing).expectBody(MessagingApi.JSON).returnResult();
                }));
            }
            start.countDown();
            List<String> raced = new ArrayList<>();
            for (Future<EntityExchangeResult<Map<String, Object>>> future : futures) {
                EntityExchangeResult<Map<String, Object>> result = future.get(60, TimeUnit.SECONDS);
                assertThat(result.getStatus().value()).as("%s", result.getResponseBody()).isEqualTo(201);
                raced.add((String) result.getResponseBody().get("id"));
            }
            assertThat(raced).containsOnly(raced.get(0));
            assertThat(raced.get(0)).isNotEqualTo(answers.get(0));
            assertThat(ids(api.history(you, direct))).containsExactly(raced.get(0), answers.get(0));
        } finally {
            pool.shutdownNow();
        }

        // the key is the sender's own: the same key from someone else is their own message
        Map<String, Object> yours = json(api.sendMessage(you, direct, Map.of("content", "Yes, Friday", "type", "TEXT",
                "clientMessageId", retried)), HttpStatus.CREATED);
        assertThat(yours.get("id")).isNotEqualTo(answers.get(0));
        assertThat(yours).containsEntry("senderId", you.idText()).containsEntry("content", "Yes, Friday");
        assertThat(api.history(me, direct)).hasSize(3);
    }

    @Test
    void aReplyCarriesASnapshotOfWhatItAnsweredThatLaterEditsLeaveAlone() {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        String original = api.sentId(me, direct, "Shall we meet at ten?");

        Map<String, Object> reply = json(api.sendMessage(you, direct,
                Map.of("content", "Ten works", "type", "TEXT", "replyToId", original)), HttpStatus.CREATED);
        assertThat(reply).containsEntry("replyTo",
                Map.of("id", original, "content", "Shall we meet at ten?", "senderId", me.idText()));

        json(api.edit(me, original, "Shall we meet at eleven?"), HttpStatus.OK);

        assertThat(api.message(you, direct, original)).containsEntry("content", "Shall we meet at eleven?");
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) api.message(you, direct, (String) reply.get("id")).get("replyTo");
        assertThat(snapshot).containsEntry("id", original)
                .containsEntry("content", "Shall we meet at ten?")
                .containsEntry("senderId", me.idText());
    }

    @Test
    void theSenderEditsAndTheGroupsAdminButNoPlainMemberSeesTheEarlierVersions() {
        Person admin = api.therapist();
        Person author = api.therapist();
        Person member = api.therapist();
        String group = api.newGroupId(admin, author, member);
        String untouched = api.sentId(member, group, "nothing to fix here");
        String draft = api.sentId(author, group, "first draft");

        Map<String, Object> edited = json(api.edit(author, draft, "second draft"), HttpStatus.OK);
        assertThat(edited).containsEntry("id", draft).containsEntry("content", "second draft")
                .containsEntry("senderId", author.idText());
        assertThat(edited.get("editedAt")).isNotNull();
        json(api.edit(author, draft, "final version"), HttpStatus.OK);

        assertThat(api.message(member, group, draft)).containsEntry("content", "final version");
        assertThat(api.message(member, group, draft).get("editedAt")).isNotNull();
        assertThat(api.message(member, group, untouched)).containsEntry("editedAt", null);
        assertThat(api.history(member, group)).as("an edit is not a new message").hasSize(2);

        for (Person allowed : List.of(author, admin)) {
            List<Map<String, Object>> versions = items(json(api.edits(allowed, draft), HttpStatus.OK));
            assertThat(contents(versions)).as("earlier versions seen by %s", allowed.id())
                    .containsExactly("first draft", "second draft");
            assertThat(versions).allSatisfy(version -> assertThat(version).containsKey("editedAt"));
        }
        problem(api.edits(member, draft), HttpStatus.FORBIDDEN);

        // only the sender edits, whatever their role
        problem(api.edit(member, draft, "hijacked"), HttpStatus.FORBIDDEN);
        problem(api.edit(admin, draft, "moderated"), HttpStatus.FORBIDDEN);
        problem(api.edit(author, draft, "   "), HttpStatus.BAD_REQUEST);
        assertThat(api.message(admin, group, draft)).containsEntry("content", "final version");
    }

    @Test
    void aDeletedMessageKeepsItsPlaceAsATombstoneAndOnlyTheSenderOrAModeratorDeletes() {
        Person admin = api.therapist();
        Person author = api.therapist();
        Person member = api.therapist();
        String group = api.newGroupId(admin, author, member);
        String before = api.sentId(member, group, "before");
        String regretted = api.sentId(author, group, "something I regret");
        json(api.edit(author, regretted, "something I regret deeply"), HttpStatus.OK);
        String after = api.sentId(member, group, "after");

        problem(api.deleteMessage(member, regretted), HttpStatus.FORBIDDEN);
        assertThat(api.message(admin, group, regretted)).containsEntry("deleted", false);

        noContent(api.deleteMessage(author, regretted));
        List<Map<String, Object>> history = api.history(member, group);
        assertThat(ids(history)).containsExactly(after, regretted, before);
        Map<String, Object> tombstone = history.get(1);
        assertThat(tombstone).containsEntry("deleted", true).containsEntry("content", "")
                .containsEntry("senderId", author.idText());
        assertThat((List<?>) tombstone.get("attachments")).isNullOrEmpty();
        assertThat(api.history(member, group).toString()).doesNotContain("regret");

        // the edit history went with it
        EntityExchangeResult<Map<String, Object>> versions = api.edits(author, regretted)
                .expectBody(MessagingApi.JSON).returnResult();
        if (versions.getStatus().is2xxSuccessful()) {
            assertThat(items(versions.getResponseBody())).isEmpty();
        } else {
            assertThat(versions.getStatus().value()).isIn(404, 409, 410);
        }
        assertThat(String.valueOf(versions.getResponseBody())).doesNotContain("regret");
        problem(api.edit(author, regretted, "un-delete me"), HttpStatus.CONFLICT);

        // the group's admin (its creator) removes someone else's message
        noContent(api.deleteMessage(admin, after));
        assertThat(api.message(author, group, after)).containsEntry("deleted", true).containsEntry("content", "");
        assertThat(api.message(author, group, before)).containsEntry("deleted", false).containsEntry("content", "before");

        // the list shows the latest message, without its content
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) api.conversation(member, group).get("lastMessage");
        assertThat(last).containsEntry("id", after).containsEntry("content", null);
    }

    @Test
    void readingMovesTheReadPositionForwardOnlyAndReceiptsShowIt() {
        Person reader = api.therapist();
        Person writer = api.therapist();
        String direct = api.newDirectId(reader, writer);
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sent.add(api.sentId(writer, direct, "news " + i));
        }
        assertThat(api.unreadCount(reader)).containsEntry("total", 4)
                .containsEntry("byConversation", Map.of(direct, 4));
        assertThat(api.unreadCount(writer)).as("one's own messages are never unread").containsEntry("total", 0);

        noContent(api.readMessage(reader, sent.get(2)));
        assertThat(api.unreadCount(reader)).containsEntry("total", 1)
                .containsEntry("byConversation", Map.of(direct, 1));
        assertThat(api.conversation(reader, direct)).containsEntry("unreadCount", 1);
        assertThat(readBy(api.message(writer, direct, sent.get(1)))).containsExactly(reader.id());
        assertThat(readBy(api.message(writer, direct, sent.get(2)))).containsExactly(reader.id());
        assertThat(readBy(api.message(writer, direct, sent.get(3)))).isEmpty();

        // reading an older one changes nothing
        noContent(api.readMessage(reader, sent.get(0)));
        assertThat(api.unreadCount(reader)).containsEntry("total", 1);
        assertThat(readBy(api.message(writer, direct, sent.get(2)))).containsExactly(reader.id());
        assertThat(readBy(api.message(writer, direct, sent.get(3)))).isEmpty();

        // everything read
        noContent(api.readConversation(reader, direct));
        assertThat(api.unreadCount(reader)).containsEntry("total", 0).containsEntry("byConversation", Map.of());
        assertThat(api.conversation(reader, direct)).containsEntry("unreadCount", 0);
        assertThat(readBy(api.message(writer, direct, sent.get(3)))).containsExactly(reader.id());

        // a reply is unread on the other side, and read on the sender's
        String reply = api.sentId(reader, direct, "thanks");
        assertThat(api.unreadCount(writer)).containsEntry("total", 1).containsEntry("byConversation", Map.of(direct, 1));
        assertThat(api.unreadCount(reader)).containsEntry("total", 0);
        assertThat(readBy(api.message(reader, direct, reply))).isEmpty();
    }

    @Test
    void unreadCountsAddUpOverConversationsAndNeverCountOnesOwnMessages() {
        Person me = api.therapist();
        Person first = api.therapist();
        Person second = api.therapist();
        String withFirst = api.newDirectId(me, first);
        String withSecond = api.newDirectId(me, second);

        api.sent(me, withFirst, "how are things?");
        api.sent(first, withFirst, "fine");
        api.sent(first, withFirst, "and you?");
        for (int i = 0; i < 3; i++) {
            api.sent(second, withSecond, "ping " + i);
        }
        api.sent(me, withSecond, "ping yourself");
        api.sent(second, withSecond, "pong");

        Map<String, Object> mine = api.unreadCount(me);
        assertThat(mine).containsEntry("total", 3);
        assertThat(api.unreadByConversation(me)).as("sending moved my read position past the pings")
                .containsExactlyInAnyOrderEntriesOf(Map.of(withFirst, 2, withSecond, 1));
        assertThat(api.unreadCount(first)).containsEntry("total", 0);
        assertThat(api.unreadByConversation(first)).isEmpty();
        assertThat(api.unreadCount(second)).containsEntry("total", 0);
        assertThat(api.unreadByConversation(second)).isEmpty();

        noContent(api.readConversation(me, withFirst));
        assertThat(api.unreadCount(me)).containsEntry("total", 1);
        assertThat(api.unreadByConversation(me)).containsExactlyInAnyOrderEntriesOf(Map.of(withSecond, 1));
    }

    @Test
    void reactionsAreOnePerPersonAndEmojiAndCanBeTakenBack() {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        String message = api.sentId(me, direct, "We did it!");

        assertThat(json(api.react(you, message, "👍"), HttpStatus.CREATED))
                .containsEntry("emoji", "👍").containsEntry("userIds", List.of(you.idText()));
        assertThat(json(api.react(you, message, "👍"), HttpStatus.CREATED))
                .containsEntry("emoji", "👍").containsEntry("userIds", List.of(you.idText()));
        assertThat(reactions(api.message(me, direct, message))).containsExactly(
                Map.entry("👍", List.of(you.idText())));

        Map<String, Object> both = json(api.react(me, message, "👍"), HttpStatus.CREATED);
        assertThat(both.get("userIds")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(you.idText(), me.idText());
        String longest = ":" + "p".repeat(30) + ":";
        json(api.react(me, message, longest), HttpStatus.CREATED);
        Map<String, List<String>> all = reactions(api.message(you, direct, message));
        assertThat(all).containsOnlyKeys("👍", longest);
        assertThat(all.get("👍")).containsExactlyInAnyOrder(you.idText(), me.idText());
        assertThat(all.get(longest)).containsExactly(me.idText());

        noContent(api.unreact(you, message, "👍"));
        noContent(api.unreact(me, message, longest));
        Map<String, List<String>> left = reactions(api.message(you, direct, message));
        assertThat(left.get("👍")).containsExactly(me.idText());
        assertThat(left.getOrDefault(longest, List.of())).isEmpty();

        for (String bad : List.of("", "a b", "thumbs\tup", "a.b", "$set", "x".repeat(33))) {
            problem(api.react(you, message, bad), HttpStatus.BAD_REQUEST);
        }
        assertThat(reactions(api.message(you, direct, message)).keySet()).allMatch(emoji ->
                emoji.equals("👍") || emoji.equals(longest));
    }

    @Test
    void someoneBlockedCanNeitherWriteToNorNewlyReachThePersonWhoBlockedThemUntilUnblocked() {
        Person pest = api.therapist();
        Person blocker = api.therapist();
        Person another = api.therapist();
        String direct = api.newDirectId(pest, blocker);
        api.sent(pest, direct, "hello?");

        Map<String, Object> block = json(api.block(blocker, pest, "Too many messages"), HttpStatus.CREATED);
        assertThat(block).containsEntry("userId", pest.idText()).containsEntry("reason", "Too many messages");
        assertThat(block.get("createdAt")).isNotNull();
        json(api.block(blocker, pest, "Too many messages"), HttpStatus.CREATED);
        assertThat(api.blocks(blocker)).singleElement().satisfies(entry ->
                assertThat(entry).containsEntry("userId", pest.idText()).containsEntry("reason", "Too many messages")
                        .containsKey("createdAt"));
        assertThat(json(api.get(blocker, MessagingApi.BLOCKS), HttpStatus.OK)).containsEntry("nextCursor", null);
        assertThat(api.blocks(pest)).as("a block is the blocker's own").isEmpty();

        blockedProblem(api.sendText(pest, direct, "hello??"));
        assertThat(contents(api.history(blocker, direct))).containsExactly("hello?");
        // the blocker may still write
        api.sent(blocker, direct, "please stop");

        // nor can they open a conversation with someone who blocked them first
        json(api.block(another, pest, null), HttpStatus.CREATED);
        blockedProblem(api.openDirect(pest, another));
        assertThat(api.conversationIds(another)).isEmpty();

        problem(api.block(blocker, blocker, null), HttpStatus.BAD_REQUEST);
        problem(api.post(blocker, Map.of("userId", UUID.randomUUID().toString()), MessagingApi.BLOCKS),
                HttpStatus.NOT_FOUND);
        assertThat(api.blocks(blocker)).hasSize(1);

        noContent(api.unblock(blocker, pest));
        assertThat(api.blocks(blocker)).isEmpty();
        api.sent(pest, direct, "sorry");
        assertThat(contents(api.history(blocker, direct))).containsExactly("sorry", "please stop", "hello?");
    }

    @Test
    void aPersonBlockedBySomeoneNoLongerFindsThemInThePeopleSearch() {
        String tag = tag();
        Person client = api.client("Cora", "Client" + tag);
        Person blocker = api.staff("Bea", "Blocker" + tag);
        Person colleague = api.staff("Col", "Colleague" + tag);

        assertThat(api.peopleFound(client, tag)).containsExactlyInAnyOrder(blocker.id(), colleague.id());

        json(api.block(blocker, client, null), HttpStatus.CREATED);
        assertThat(api.peopleFound(client, tag)).containsExactly(colleague.id());
        assertThat(api.peopleFound(client, "Blocker" + tag)).isEmpty();

        noContent(api.unblock(blocker, client));
        assertThat(api.peopleFound(client, tag)).containsExactlyInAnyOrder(blocker.id(), colleague.id());
    }

    @Test
    void searchFindsAllWordsAccentAndCaseBlindInTheCallersOwnConversationsNewestFirst() {
        String word = tag();
        Person me = api.therapist();
        Person first = api.therapist();
        Person second = api.therapist();
        Person outsider = api.therapist();
        Person outsidersFriend = api.therapist();
        String withFirst = api.newDirectId(me, first);
        String withSecond = api.newDirectId(me, second);
        String foreign = api.newDirectId(outsider, outsidersFriend);

        String auLait = api.sentId(first, withFirst, "Café au lait " + word);
        String sugar = api.sentId(me, withFirst, "cafe with sugar " + word);
        String closed = api.sentId(second, withSecond, "The CAFÉ was closed " + word);
        String tea = api.sentId(second, withSecond, "tea only " + word.toUpperCase());
        String gone = api.sentId(first, withFirst, "café gone " + word);
        String elsewhere = api.sentId(outsider, foreign, "café " + word + " elsewhere");

        assertThat(api.found(me, "gone " + word)).containsExactly(gone);
        noContent(api.deleteMessage(first, gone));
        assertThat(api.found(me, "gone " + word)).as("deleted messages never match").isEmpty();

        assertThat(api.found(me, "cafe " + word)).containsExactly(closed, sugar, auLait);
        assertThat(api.found(me, word.toUpperCase() + " CAFÉ")).containsExactly(closed, sugar, auLait);
        assertThat(api.found(me, word)).containsExactly(tea, closed, sugar, auLait);
        assertThat(api.found(me, "sugar " + word)).containsExactly(sugar);
        assertThat(api.found(me, "sugar closed " + word)).as("every word must occur").isEmpty();
        assertThat(api.found(me, word, "conversationId", withSecond)).containsExactly(tea, closed);
        assertThat(api.found(me, word, "conversationId", foreign)).isEmpty();
        assertThat(api.found(first, word)).containsExactly(sugar, auLait);
        assertThat(api.found(outsider, "cafe " + word)).containsExactly(elsewhere);
        assertThat(api.found(outsider, word, "conversationId", withFirst)).isEmpty();

        Map<String, Object> hit = items(api.searchPage(me, "q", "sugar " + word)).get(0);
        assertThat(hit).containsEntry("id", sugar).containsEntry("conversationId", withFirst)
                .containsEntry("senderId", me.idText()).containsEntry("content", "cafe with sugar " + word)
                .containsEntry("deleted", false);
        assertThat(hit.get("conversation")).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> conversation = (Map<String, Object>) hit.get("conversation");
        assertThat(conversation).containsEntry("id", withFirst).containsEntry("type", "DIRECT").containsKey("title");

        List<String> walked = walk(cursor -> cursor == null
                ? api.searchPage(me, "q", word, "limit", 1)
                : api.searchPage(me, "q", word, "limit", 1, "cursor", cursor), 10);
        assertThat(walked).containsExactly(tea, closed, sugar, auLait);

        problem(api.search(me, "q", "   "), HttpStatus.BAD_REQUEST);
        problem(api.search(me), HttpStatus.BAD_REQUEST);
    }

    @Test
    void someoneOutsideTheConversationReachesNoneOfItsMessagesByAnyRoute() {
        Person me = api.therapist();
        Person you = api.therapist();
        Person stranger = api.therapist();
        String word = tag();
        String direct = api.newDirectId(me, you);
        String message = api.sentId(me, direct, "between us " + word);
        json(api.react(you, message, "👍"), HttpStatus.CREATED);

        problem(api.getMessages(stranger, direct), HttpStatus.NOT_FOUND);
        problem(api.edit(stranger, message, "mine now"), HttpStatus.NOT_FOUND);
        problem(api.deleteMessage(stranger, message), HttpStatus.NOT_FOUND);
        problem(api.readMessage(stranger, message), HttpStatus.NOT_FOUND);
        problem(api.react(stranger, message, "👎"), HttpStatus.NOT_FOUND);
        problem(api.unreact(stranger, message, "👍"), HttpStatus.NOT_FOUND);
        problem(api.edits(stranger, message), HttpStatus.NOT_FOUND);
        assertThat(api.found(stranger, word)).isEmpty();
        assertThat(api.found(stranger, word, "conversationId", direct)).isEmpty();
        assertThat(api.unreadCount(stranger)).containsEntry("total", 0);

        // and the message is as it was
        Map<String, Object> unchanged = api.message(you, direct, message);
        assertThat(unchanged).containsEntry("content", "between us " + word).containsEntry("deleted", false);
        assertThat(reactions(unchanged)).containsExactly(Map.entry("👍", List.of(you.idText())));
        assertThat(readBy(unchanged)).doesNotContain(stranger.id());

        // an unknown message is unknown to participants too
        problem(api.edit(me, direct + "-999", "nothing"), HttpStatus.NOT_FOUND);
        problem(api.readMessage(me, direct + "-999"), HttpStatus.NOT_FOUND);
    }

    @Test
    void everyReadOfMessagesIsRecordedAgainstThePeopleWhoseMessagesWereShown() {
        Person reader = api.therapist();
        Person writer = api.client();
        Person third = api.client();
        Person silent = api.client();
        api.assign(writer, reader);
        api.assign(third, reader);
        api.assign(silent, reader);
        String group = api.newGroupId(reader, writer, third, silent);
        String message = api.sentId(writer, group, "clinical words " + UUID.randomUUID());
        api.edit(writer, message, "clinical words, put differently").expectStatus().isOk();
        String word = "audited" + UUID.randomUUID().toString().replace("-", "");
        api.sent(third, group, "a note with " + word);
        api.sent(reader, group, "the reader's own words");

        api.history(reader, group);
        assertThat(api.found(reader, word)).hasSize(1);
        json(api.edits(reader, message), HttpStatus.OK);

        Person auditor = api.admin();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<Map<String, Object>> aboutWriter = reads(auditor, "subjectId", writer.id(), "actorId", reader.id());
            assertThat(aboutWriter).extracting(entry -> entry.get("resourceId"))
                    .as("the history page and the edit history").containsExactlyInAnyOrder(group, message);
            assertThat(aboutWriter).allSatisfy(entry -> assertThat(entry)
                    .containsEntry("resource", "MESSAGES").containsEntry("actorRole", "THERAPIST"));
            assertThat(reads(auditor, "subjectId", third.id(), "actorId", reader.id()))
                    .extracting(entry -> entry.get("resourceId")).as("the history page and the search hit")
                    .containsExactlyInAnyOrder(group, group);
        });
        assertThat(reads(auditor, "subjectId", silent.id())).as("nothing of theirs was shown").isEmpty();
        assertThat(reads(auditor, "subjectId", reader.id(), "actorId", reader.id()))
                .as("nobody is the subject of their own reading").isEmpty();
    }

    private List<Map<String, Object>> reads(Person auditor, Object... query) {
        return items(json(api.get(auditor, uri -> MessagingApi.withQuery(uri.path(ACCESS_AUDIT), query)
                .queryParam("limit", 100).build()), HttpStatus.OK));
    }
}
