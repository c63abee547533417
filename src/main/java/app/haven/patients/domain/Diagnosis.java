package app.haven.patients.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import app.haven.shared.InvalidInputException;

/**
 * A client's diagnosis as ICD-10 codes (F32.1, F41.1, Z63.0), in the order the therapist gave
 * them. Only well-formed codes get in; letter U is reserved by the WHO and never valid here.
 */
public record Diagnosis(List<String> codes) {

    public static final String CODE_FORMAT = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?";
    public static final int MAX_CODES = 10;
    private static final Pattern CODE = Pattern.compile(CODE_FORMAT);
    private static final Diagnosis NONE = new Diagnosis(List.of());

    public Diagnosis {
        var distinct = new LinkedHashSet<String>();
        for (String code : codes) {
            String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(normalised).matches()) {
                throw new InvalidInputException("'" + code + "' is not an ICD-10 code (like F32.1)");
            }
            distinct.add(normalised);
        }
        if (distinct.size() > MAX_CODES) {
            throw new InvalidInputException("A diagnosis has at most " + MAX_CODES + " codes");
        }
        codes = List.copyOf(distinct);
    }

    public static Diagnosis none() {
        return NONE;
    }

    /** The codes as the store keeps them: comma-separated. */
    public String stored() {
        return String.join(",", codes);
    }

    public static Diagnosis fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        return new Diagnosis(new ArrayList<>(Arrays.asList(stored.split(","))));
    }
}
