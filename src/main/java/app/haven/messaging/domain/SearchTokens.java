package app.haven.messaging.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a text as search compares them: lower case, accents removed ("Café" → "cafe"),
 * split on anything that is not a letter or a digit. Messages store their tokens in an indexed
 * array; a query's tokens must all be there.
 */
public final class SearchTokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    public static final int MAX_QUERY_TOKENS = 10;
    private static final int MAX_TOKEN_LENGTH = 64;

    private SearchTokens() {
    }

    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return List.copyOf(Arrays.stream(SEPARATORS.split(folded))
                .filter(token -> !token.isEmpty())
                .map(token -> token.length() > MAX_TOKEN_LENGTH ? token.substring(0, MAX_TOKEN_LENGTH) : token)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }
}
