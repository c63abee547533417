package app.haven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;

import app.haven.HexagonRules.Rule;
import app.haven.archfixture.broken.adapter.in.rsocket.ControllerUsingRepository;
import app.haven.archfixture.broken.adapter.in.web.ControllerUsingPort;
import app.haven.archfixture.broken.adapter.in.web.WebUsingRsocket;
import app.haven.archfixture.broken.adapter.out.persistence.RepositoryUsingWeb;
import app.haven.archfixture.broken.application.UseCaseUsingAdapter;
import app.haven.archfixture.broken.application.UseCaseUsingSharedMachinery;
import app.haven.archfixture.broken.domain.DomainUsingOtherDomain;
import app.haven.archfixture.broken.domain.DomainUsingSpring;

/**
 * Haven keeps the hexagon inside every module ({@link HexagonRules}), and every rule is shown able
 * to fail (STYLE.md 7): it selects classes that exist, it fails when aimed at a package that does
 * not, and it reports exactly the fixture classes that break it, so it is neither blind nor
 * overeager.
 */
class HexagonArchitectureTest {

    private static final String HAVEN = "app.haven";
    private static final String FIXTURES = "app.haven.archfixture";

    private static final JavaClasses HAVEN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(HAVEN);

    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    /** Per rule, the fixture classes it must report; the sound fixtures must stay unreported. */
    private static final Map<String, Set<Class<?>>> BREAKERS = Map.of(
            "domain is plain Java", Set.of(DomainUsingSpring.class, DomainUsingOtherDomain.class),
            "application never uses adapters", Set.of(UseCaseUsingAdapter.class),
            "adapters depend inward only",
            Set.of(WebUsingRsocket.class, ControllerUsingRepository.class, RepositoryUsingWeb.class),
            "controllers call use cases only", Set.of(ControllerUsingPort.class, ControllerUsingRepository.class),
            "modules meet at their roots only",
            Set.of(DomainUsingOtherDomain.class, UseCaseUsingSharedMachinery.class));

    static List<Rule> havenRules() {
        return HexagonRules.forModulesIn(HAVEN);
    }

    static List<Rule> fixtureRules() {
        return HexagonRules.forModulesIn(FIXTURES);
    }

    static List<Rule> rulesForAMissingPackage() {
        return HexagonRules.forModulesIn("app.haven.nosuchpackage");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("havenRules")
    void havenKeepsTheHexagon(Rule rule) {
        rule.archRule().check(HAVEN_CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("havenRules")
    void everyRuleSelectsClassesThatExist(Rule rule) {
        assertThat(HAVEN_CLASSES.that(rule.subjects()))
                .as("classes that %s", rule.subjects().getDescription())
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesForAMissingPackage")
    void aRuleAimedAtAMissingPackageFails(Rule rule) {
        assertThatThrownBy(() -> rule.archRule().check(HAVEN_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void everyRuleHasFixturesThatBreakIt() {
        assertThat(BREAKERS).containsOnlyKeys(fixtureRules().stream().map(Rule::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureRules")
    void everyRuleReportsExactlyTheFixturesThatBreakIt(Rule rule) {
        EvaluationResult result = rule.archRule().evaluate(FIXTURE_CLASSES);
        Set<String> reported = new TreeSet<>();
        result.handleViolations((Collection<Dependency> dependencies, String message) ->
                dependencies.forEach(dependency -> reported.add(dependency.getOriginClass().getName())));

        assertThat(result.hasViolation()).as("%s reports a violation", rule).isTrue();
        assertThat(reported).containsExactlyInAnyOrderElementsOf(
                BREAKERS.getOrDefault(rule.name(), Set.of()).stream().map(Class::getName).collect(Collectors.toSet()));
    }
}
