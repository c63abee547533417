package app.haven.portal.domain;

import java.util.List;

import app.haven.shared.InvalidInputException;

/**
 * The questionnaires Haven scores: PHQ-9 (depression, nine items) and GAD-7 (anxiety, seven
 * items), each item answered 0 to 3, the total banded by the instruments' published cut-offs.
 * Any answer above 0 on PHQ-9 item 9 (thoughts of self-harm) raises a safety alert.
 */
public enum Instrument {

    PHQ9(9, List.of(new Band(0, 4, Severity.MINIMAL), new Band(5, 9, Severity.MILD),
            new Band(10, 14, Severity.MODERATE), new Band(15, 19, Severity.MODERATELY_SEVERE),
            new Band(20, 27, Severity.SEVERE))),
    GAD7(7, List.of(new Band(0, 4, Severity.MINIMAL), new Band(5, 9, Severity.MILD),
            new Band(10, 14, Severity.MODERATE), new Band(15, 21, Severity.SEVERE)));

    /** PHQ-9's ninth item, counted from one as the form numbers it. */
    static final int SELF_HARM_ITEM = 9;

    private final int items;
    private final List<Band> bands;

    Instrument(int items, List<Band> bands) {
        this.items = items;
        this.bands = bands;
    }

    public int items() {
        return items;
    }

    /** Scores a complete set of answers; wrong counts or values are refused, naming the problem. */
    public Result score(List<Integer> answers) {
        if (answers == null || answers.size() != items) {
            throw new InvalidInputException("answers", "must be exactly " + items + " answers for " + name());
        }
        int total = 0;
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            if (answer == null || answer < 0 || answer > 3) {
                throw new InvalidInputException("answers", "item " + (i + 1) + " must be 0, 1, 2 or 3");
            }
            total += answer;
        }
        boolean safety = this == PHQ9 && answers.get(SELF_HARM_ITEM - 1) > 0;
        return new Result(total, severityOf(total), safety);
    }

    Severity severityOf(int total) {
        return bands.stream().filter(band -> total >= band.from() && total <= band.to()).findFirst()
                .orElseThrow().severity();
    }

    public enum Severity { MINIMAL, MILD, MODERATE, MODERATELY_SEVERE, SEVERE }

    public record Result(int score, Severity severity, boolean safetyFlag) {
    }

    private record Band(int from, int to, Severity severity) {
    }
}
