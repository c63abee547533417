package app.haven.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench/run} was asked: {@code --smoke} (seconds, compared with the committed
 * baseline), {@code --postgres} (the relational store on PostgreSQL, from {@code HAVEN_POSTGRES_*}),
 * {@code --mongodb-uri=...} (a real MongoDB instead of the embedded server),
 * {@code --update-baseline}, {@code --keep-data} (Haven's data directory and log stay), {@code --history-messages=N} (the history scenario's conversation length, 100,000 by default), {@code --haven-jar=...}, {@code --results=DIR}, {@code --commit=...}
 * and {@code --haven-jvm-args="..."}.
 */
record Options(Path havenJar, List<String> havenJvmArgs, boolean postgres, String mongodbUri, boolean smoke,
        boolean updateBaseline, boolean keepData, Path resultsDir, Path baseline, String commit, Sizes sizes) {

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
            int equals = arg.indexOf('=');
            given.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "true" : arg.substring(equals + 1));
        }
        List<String> known = List.of("haven-jar", "haven-jvm-args", "postgres", "mongodb-uri", "smoke", "update-baseline",
                "results", "baseline", "commit", "keep-data", "history-messages");
        given.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("Unknown option --" + key + "; known: " + known);
        });
        boolean smoke = Boolean.parseBoolean(given.getOrDefault("smoke", "false"));
        List<String> jvmArgs = new ArrayList<>(Arrays.asList(given.getOrDefault("haven-jvm-args", "").trim().split("\\s+")));
        jvmArgs.removeIf(String::isEmpty);
        return new Options(Path.of(required(given, "haven-jar")), jvmArgs,
                Boolean.parseBoolean(given.getOrDefault("postgres", "false")), given.get("mongodb-uri"), smoke,
                Boolean.parseBoolean(given.getOrDefault("update-baseline", "false")),
                Boolean.parseBoolean(given.getOrDefault("keep-data", "false")),
                Path.of(given.getOrDefault("results", smoke ? "target/bench" : "bench/results")),
                Path.of(given.getOrDefault("baseline", "bench/results/smoke-baseline.json")),
                given.getOrDefault("commit", "unknown"), (smoke ? Sizes.SMOKE : Sizes.FULL)
                        .withHistoryMessages(Integer.parseInt(given.getOrDefault("history-messages", "0"))));
    }

    private static String required(Map<String, String> given, String key) {
        String value = given.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    String mode() {
        return (postgres ? "PostgreSQL" : "embedded H2") + " + " + (mongodbUri != null ? "MongoDB at " + mongodbUri
                : "embedded MongoDB server");
    }

    /** How big each scenario is: the sizes, or a smoke run of seconds. */
    record Sizes(Duration warmUp, int sendConnections, Duration sendFor, int historyMessages, Duration historyFor,
            int fanOutMembers, int fanOutRate, Duration fanOutFor, int idleConnections, int unreadConversations,
            Duration unreadFor, Duration bareFor) {

        static final Sizes FULL = new Sizes(Duration.ofSeconds(5), 50, Duration.ofSeconds(20), 100_000,
                Duration.ofSeconds(20), 1_000, 200, Duration.ofSeconds(10), 10_000, 200, Duration.ofSeconds(10),
                Duration.ofSeconds(10));

        /** The same sizes with a history of {@code messages} (0 keeps the default). */
        Sizes withHistoryMessages(int messages) {
            return messages <= 0 ? this : new Sizes(warmUp, sendConnections, sendFor, messages, historyFor, fanOutMembers,
                    fanOutRate, fanOutFor, idleConnections, unreadConversations, unreadFor, bareFor);
        }

        static final Sizes SMOKE = new Sizes(Duration.ofSeconds(1), 10, Duration.ofSeconds(3), 2_000,
                Duration.ofSeconds(3), 40, 50, Duration.ofSeconds(2), 400, 20, Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }
}
