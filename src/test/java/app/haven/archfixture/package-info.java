/**
 * Modules that break the hexagon on purpose, one violation per class, so that
 * {@link app.haven.HexagonArchitectureTest} can show every rule fails when it should.
 * <p>
 * They live only on the test classpath, where the main rule check and Spring Modulith (both of
 * which skip test classes) never see them. No class here carries a Spring stereotype: tests that
 * start the application scan {@code app.haven}, and must not pick any of them up as a bean.
 * {@code broken} is the module under test; {@code other} and {@code shared} are its neighbours.
 */
package app.haven.archfixture;
