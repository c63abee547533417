package app.haven.messaging.domain;

public enum ParticipantRole {
    MEMBER, MODERATOR, ADMIN
}
