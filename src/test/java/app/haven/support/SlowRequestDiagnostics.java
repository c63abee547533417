package app.haven.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientResponse;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every test request gets a generous answer time ({@link #PATIENCE}, within the 30 s the test APIs
 * wait), and one that still runs out prints a thread dump of the whole JVM, so an
 * intermittent stall names the thread and lock it waited on instead of leaving only "Timeout on
 * blocking read". (The stalls this was written for were Reactor Netty's server no longer reading a
 * kept-alive connection, fixed in 1.3.8; {@code KeepAliveIT} keeps it fixed.)
 */
class SlowRequestDiagnostics implements WebTestClientBuilderCustomizer {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Override
    public void customize(WebTestClient.Builder builder) {
        builder.responseTimeout(PATIENCE.plusSeconds(10))
                .filter((request, next) -> next.exchange(request)
                        .timeout(PATIENCE)
                        .onErrorResume(TimeoutException.class, timeout -> Mono.<ClientResponse>fromRunnable(
                                () -> System.err.println("No answer to " + request.method() + " " + request.url()
                                        + " within " + PATIENCE + "; threads:\n" + threadDump()))
                                // printing blocks, and the timeout fires on a non-blocking thread
                                .subscribeOn(Schedulers.boundedElastic())
                                .then(Mono.error(timeout))));
    }

    static String threadDump() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        return Arrays.stream(threads).map(SlowRequestDiagnostics::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(ThreadInfo thread) {
        // ThreadInfo.toString() stops after eight frames; a stall needs the whole stack
        return "\"" + thread.getThreadName() + "\" " + thread.getThreadState()
                + (thread.getLockName() == null ? "" : " on " + thread.getLockName())
                + (thread.getLockOwnerName() == null ? "" : " owned by \"" + thread.getLockOwnerName() + "\"")
                + Arrays.stream(thread.getStackTrace()).map(frame -> "\n    at " + frame)
                        .collect(Collectors.joining());
    }
}
