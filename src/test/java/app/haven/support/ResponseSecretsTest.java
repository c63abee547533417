package app.haven.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The secrets scan itself: what it must catch, and ordinary answers it must let through. */
class ResponseSecretsTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMiLCJyb2xlIjoiQ0xJRU5UIn0.c2lnbmF0dXJl";

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"1\",\"passwordHash\":\"x\"}",
            "{\"items\":[{\"email\":\"a@b.c\",\"password\":\"$argon2id$v=19$m=16384,t=2,p=1$abc$def\"}]}",
            "{\"value\":\"$argon2id$v=19$m=16384,t=2,p=1$abc$def\"}",
            "{\"resetToken\":\"abc\"}",
            "{\"tokenHash\":\"abc\"}",
            "{\"accessToken\":\"abc\"}",
            "{\"content\":\"" + JWT + "\"}",
            "{\"detail\":\"boom\",\"trace\":\"java.lang.IllegalStateException: boom\\n\\tat app.haven.X.y(X.java:12)\"}",
            "{\"detail\":\"org.springframework.dao.DataIntegrityViolationException\"}",
            "{\"id\":\"s1\",\"notes\":\"Discussed the panic attacks\"}" })
    void catchesWhatMustNotLeave(String body) {
        assertThat(ResponseSecrets.findIn("/api/v1/patients", "CLIENT", body)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/auth/login|  |{\"accessToken\":\"" + JWT + "\",\"refreshToken\":\"opaque\",\"tokenType\":\"Bearer\"}",
            "/api/v1/sessions/1|THERAPIST|{\"id\":\"s1\",\"notes\":\"Discussed the panic attacks\"}",
            "/api/v1/sessions/1|CLIENT|{\"id\":\"s1\",\"notes\":null}",
            "/api/v1/auth/register|  |{\"status\":400,\"errors\":[{\"field\":\"password\",\"message\":\"is too short\"}]}",
            "/api/v1/conversations/c/messages|CLIENT|{\"content\":\"my password manager says at home (again)\"}",
            "/api/v1/files/1|STAFF|{\"name\":\"notes.txt\",\"sha256Prefix\":\"ab\",\"size\":3}",
            "/api/v1/billing/providers/1|STAFF|{\"npi\":\"1234567893\",\"credentials\":\"LCSW, PhD\"}" })
    void letsOrdinaryAnswersThrough(String path, String role, String body) {
        assertThat(ResponseSecrets.findIn(path, role, body)).isEmpty();
    }
}
