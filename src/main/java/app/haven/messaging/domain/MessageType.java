package app.haven.messaging.domain;

public enum MessageType {
    TEXT, IMAGE, FILE, AUDIO, VIDEO,
    /** Written by Haven itself (a new worksheet, for instance); never accepted from a person. */
    SYSTEM
}
