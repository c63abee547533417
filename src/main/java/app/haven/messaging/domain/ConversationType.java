package app.haven.messaging.domain;

public enum ConversationType {
    /** Two people; at most one such conversation per pair. */
    DIRECT,
    GROUP,
    /** Tied to one therapy session. */
    SESSION,
    /** Between a client and the practice's staff. */
    SUPPORT
}
