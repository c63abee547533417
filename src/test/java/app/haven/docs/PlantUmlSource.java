package app.haven.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prepares the PlantUML source Spring Modulith writes so that it renders the same picture on any
 * machine: laid out by PlantUML's pure-Java Smetana, and with its elements and arrows in a fixed
 * order.
 * <p>
 * The order matters because Modulith 2.0 collects its modules into a {@code HashMap} keyed by
 * objects without a stable hash code, so the order of the arrows changed with the JVM's history
 * (a test run alone in its JVM versus after other tests). The order of lines never changes what
 * a diagram says, only how it is laid out, so each run of consecutive element lines and of arrow
 * lines is sorted.
 */
public final class PlantUmlSource {

    /** Makes PlantUML lay out with Smetana (its Java port of Graphviz) instead of calling {@code dot}. */
    static final String SMETANA = "!pragma layout smetana";

    /** Elements, C4 ({@code Component(…)}) or UML ({@code component "…"}), but not a boundary opening a block. */
    private static final Pattern ELEMENT = Pattern.compile("^\\s*(?:(?:Component|Container|System|Person)\\w*\\(|component \")");

    /** Arrows, C4 ({@code Rel(…)}) or UML ({@code A --> B}). */
    private static final Pattern ARROW = Pattern.compile("^\\s*(?:Rel\\w*\\(|[\\w.]+ [-.]+> [\\w.]+)");

    private PlantUmlSource() {
    }

    /** The source in a stable order, with the Smetana pragma right after {@code @startuml}. */
    public static String prepare(String plantUml) {
        return withSmetanaLayout(inStableOrder(plantUml));
    }

    /**
     * The pragma goes into the committed {@code .puml} too, so that file renders to the committed
     * picture in any editor plugin, whether Graphviz is installed or not.
     */
    static String withSmetanaLayout(String plantUml) {
        if (plantUml.contains(SMETANA)) {
            return plantUml;
        }
        return plantUml.replaceFirst("(?m)^(@startuml[^\\n]*)\\n", "$1\n" + SMETANA + "\n");
    }

    static String inStableOrder(String plantUml) {
        List<String> result = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : plantUml.split("\n", -1)) {
            String kind = kindOf(line);
            if (kind == null || !kind.equals(runKind)) {
                flush(run, result);
            }
            if (kind == null) {
                result.add(line);
            }
            else {
                run.add(line);
            }
            runKind = kind;
        }
        flush(run, result);
        return String.join("\n", result);
    }

    /** "element", "arrow", or null for a line whose place is fixed. */
    private static String kindOf(String line) {
        if (line.stripTrailing().endsWith("{")) {
            return null;
        }
        if (ELEMENT.matcher(line).find()) {
            return "element";
        }
        return ARROW.matcher(line).find() ? "arrow" : null;
    }

    private static void flush(List<String> run, List<String> result) {
        run.sort(null);
        result.addAll(run);
        run.clear();
    }
}
