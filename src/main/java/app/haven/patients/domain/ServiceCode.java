package app.haven.patients.domain;

import java.util.Arrays;
import java.util.Optional;

import app.haven.shared.InvalidInputException;

/**
 * The CPT codes a psychotherapy session is billed under. When the therapist gives none, the
 * session's type and length decide it (CPT's time rules: a 45-minute code from 38 minutes on).
 */
public enum ServiceCode {
    PSYCHIATRIC_EVALUATION("90791"),
    PSYCHOTHERAPY_30("90832"),
    PSYCHOTHERAPY_45("90834"),
    PSYCHOTHERAPY_60("90837"),
    CRISIS_60("90839"),
    FAMILY_WITHOUT_CLIENT("90846"),
    FAMILY_WITH_CLIENT("90847"),
    GROUP("90853");

    private final String code;

    ServiceCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ServiceCode of(String code) {
        return Arrays.stream(values()).filter(candidate -> candidate.code.equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInputException("serviceCode", "'" + code + "' is not a service code Haven bills"));
    }

    /** The code a session of this type and length is billed under, if the rules decide one. */
    public static Optional<ServiceCode> derive(SessionType type, int minutes) {
        return switch (type) {
            case INTAKE -> Optional.of(PSYCHIATRIC_EVALUATION);
            case FAMILY -> Optional.of(FAMILY_WITH_CLIENT);
            case GROUP -> Optional.of(GROUP);
            case INDIVIDUAL -> minutes < 16 ? Optional.empty()
                    : minutes <= 37 ? Optional.of(PSYCHOTHERAPY_30)
                    : minutes <= 52 ? Optional.of(PSYCHOTHERAPY_45)
                    : Optional.of(PSYCHOTHERAPY_60);
        };
    }
}
