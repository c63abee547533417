package app.haven.identity.domain;

/** What the sign-in audit records. */
public enum SecurityEventType {
    REGISTERED,
    EMAIL_VERIFIED,
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED_OUT,
    TOKEN_REFRESHED,
    REFRESH_TOKEN_REUSED,
    SIGNED_OUT,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    ACCOUNT_CREATED
}
