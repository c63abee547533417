package app.haven.identity.application;

/** Where a request came from, as the sign-in audit records it. */
public record RequestOrigin(String address, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public RequestOrigin {
        address = address == null ? "unknown" : address;
        userAgent = userAgent == null ? "" : userAgent.length() > MAX_USER_AGENT
                ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
    }
}
