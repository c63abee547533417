package app.haven.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed-loop load: {@code workers} loops, each issuing its next request as soon as the previous
 * one answers, for a warm-up (not recorded) and then a measured period. Throughput is what the
 * system sustains at that concurrency; latencies include any queueing inside Haven.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** {@code request} gets the worker's number and answers one operation. */
    static Measurement run(String name, int workers, Duration warmUp, Duration measured, IntFunction<Mono<?>> request) {
        Histogram latency = Measurement.histogram();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long recordFrom = start + warmUp.toNanos();
        long end = recordFrom + measured.toNanos();
        Flux.range(0, workers).flatMap(worker -> Mono.defer(() -> {
            long began = System.nanoTime();
            return request.apply(worker).then(Mono.fromRunnable(() -> {
                long now = System.nanoTime();
                if (began >= recordFrom && now <= end) {
                    latency.recordValue(now - began);
                    ok.incrementAndGet();
                }
            })).onErrorResume(failure -> {
                if (began >= recordFrom) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, failure.toString());
                }
                return Mono.empty();
            });
        }).repeat(() -> System.nanoTime() < end), workers).blockLast();
        Measurement result = new Measurement(name, ok.get(), errors.get(), measured.toNanos() / 1e9, latency, firstError.get());
        System.out.println(result.line());
        return result;
    }

    /** Issues {@code total} requests over {@code workers} loops, unmeasured: seeding through the API. */
    static void times(int workers, long total, IntFunction<Mono<?>> request) {
        AtomicLong issued = new AtomicLong();
        Flux.range(0, workers).flatMap(worker -> Mono.defer(() -> issued.getAndIncrement() < total
                ? request.apply(worker).then() : Mono.<Void>empty())
                .repeat(() -> issued.get() < total), workers).blockLast();
    }
}
