package app.haven;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon inside every business module (ARCHITECTURE.md, "Inside a module: ports and
 * adapters"), written once for all modules directly under a base package.
 * <p>
 * The base package is a parameter, not {@code app.haven} hard-wired, so that the same rules can be
 * fed the deliberately broken fixture modules under {@code app.haven.archfixture} and be seen to
 * fail. Each rule carries the predicate of its "that()" part, so a test can prove it selects
 * classes that exist: a rule aimed at a missing package would otherwise check nothing.
 */
public final class HexagonRules {

    /** A rule and the classes it is about; {@code name} is how tests and reports refer to it. */
    public record Rule(String name, DescribedPredicate<JavaClass> subjects, ArchRule archRule) {

        @Override
        public String toString() {
            return name;
        }
    }

    private HexagonRules() {
    }

    /** Every hexagon rule, for the modules that are direct sub-packages of {@code base}. */
    public static List<Rule> forModulesIn(String base) {
        return List.of(domainIsPlainJava(base), applicationNeverUsesAdapters(base), adaptersDependInwardOnly(base),
                controllersCallUseCasesOnly(base), modulesMeetAtTheirRootsOnly(base));
    }

    /** The domain is synchronous plain Java (STYLE.md 4): its tests need no Spring and no Reactor. */
    static Rule domainIsPlainJava(String base) {
        DescribedPredicate<JavaClass> subjects = resideInAPackage(base + ".*.domain..");
        DescribedPredicate<Dependency> allowed = describe(
                "the target is in the JDK, the origin module's own domain or the root of " + base + ".shared",
                dependency -> {
                    String target = packageOf(dependency.getTargetClass());
                    String ownDomain = base + "." + moduleOf(base, dependency.getOriginClass()) + ".domain";
                    return isWithin(target, "java") || isWithin(target, ownDomain) || target.equals(base + ".shared");
                });
        return rule("domain is plain Java", subjects, classes().that(subjects)
                .should(onlyHaveDependenciesWhere(allowed))
                .because("the domain holds the rules, free of frameworks, I/O and other modules' insides"));
    }

    /** Use cases and their ports are what adapters plug into, so they never name an adapter. */
    static Rule applicationNeverUsesAdapters(String base) {
        DescribedPredicate<JavaClass> subjects = resideInAPackage(base + ".*.application..");
        return rule("application never uses adapters", subjects, noClasses().that(subjects).should()
                .dependOnClassesThat().resideInAPackage(base + ".*.adapter..")
                .because("adapters depend on the application, never the other way round"));
    }

    /**
     * An adapter uses the application and the domain, never another adapter: not in to out, not out
     * to in, not one kind to another (web to rsocket, persistence to live).
     */
    static Rule adaptersDependInwardOnly(String base) {
        DescribedPredicate<JavaClass> subjects = resideInAPackage(base + ".*.adapter..");
        DescribedPredicate<Dependency> inward = describe(
                "the target is no adapter, or sits in the origin's own adapter package",
                dependency -> {
                    String target = adapterOf(base, dependency.getTargetClass());
                    return target == null || target.equals(adapterOf(base, dependency.getOriginClass()));
                });
        return rule("adapters depend inward only", subjects, classes().that(subjects)
                .should(onlyHaveDependenciesWhere(inward))
                .because("each adapter can then be replaced or tested without the others"));
    }

    /**
     * Inbound adapters (controllers and event listeners) call use cases; only use cases reach the
     * out-ports and what implements them.
     */
    static Rule controllersCallUseCasesOnly(String base) {
        DescribedPredicate<JavaClass> subjects = resideInAnyPackage(base + ".*.adapter.in..");
        return rule("controllers call use cases only", subjects, noClasses().that(subjects).should()
                .dependOnClassesThat().resideInAnyPackage(base + ".*.application.port.out..", base + ".*.adapter.out..")
                .because("a controller that reads a repository skips the use case's checks"));
    }

    /**
     * Another module, the shared kernel included, is reached only through the classes directly in
     * its root package. Spring Modulith's verify() says the same; this says it in every build
     * without a Spring context.
     */
    static Rule modulesMeetAtTheirRootsOnly(String base) {
        DescribedPredicate<JavaClass> subjects = resideInAPackage(base + ".*..");
        DescribedPredicate<Dependency> viaRoot = describe(
                "the target is in the origin's own module, outside " + base + " modules, or in another module's root",
                dependency -> {
                    String target = moduleOf(base, dependency.getTargetClass());
                    return target == null || target.equals(moduleOf(base, dependency.getOriginClass()))
                            || packageOf(dependency.getTargetClass()).equals(base + "." + target);
                });
        return rule("modules meet at their roots only", subjects, classes().that(subjects)
                .should(onlyHaveDependenciesWhere(viaRoot))
                .because("a module's root package is its contract; everything below it may change"));
    }

    private static Rule rule(String name, DescribedPredicate<JavaClass> subjects, ArchRule archRule) {
        return new Rule(name, subjects, archRule.allowEmptyShould(false));
    }

    /** The module a class belongs to: the first package segment below {@code base}, or null. */
    private static String moduleOf(String base, JavaClass javaClass) {
        String pkg = packageOf(javaClass);
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** A class's adapter package, {@code <module>.adapter.<in|out>.<kind>} as far as it goes, or null. */
    private static String adapterOf(String base, JavaClass javaClass) {
        String module = moduleOf(base, javaClass);
        if (module == null) {
            return null;
        }
        String adapter = base + "." + module + ".adapter";
        String pkg = packageOf(javaClass);
        if (!isWithin(pkg, adapter)) {
            return null;
        }
        List<String> directionAndKind = Arrays.stream(pkg.substring(adapter.length()).split("\\."))
                .filter(segment -> !segment.isEmpty())
                .limit(2)
                .toList();
        return directionAndKind.isEmpty() ? adapter : adapter + "." + String.join(".", directionAndKind);
    }

    /** Arrays count as their component type; primitives (as in {@code int[]}) as the JDK. */
    private static String packageOf(JavaClass javaClass) {
        JavaClass type = javaClass.getBaseComponentType();
        return type.isPrimitive() ? "java.lang" : type.getPackageName();
    }

    private static boolean isWithin(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }
}
