package app.haven.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Tests run embedded by default. {@code -Dhaven.test.stores=postgres} (CI's second pass) runs the
 * same tests against the machine's PostgreSQL.
 */
public class TestProfiles implements ActiveProfilesResolver {

    public static String[] active() {
        return "postgres".equals(System.getProperty("haven.test.stores"))
                ? new String[] {"test", "postgres", "test-postgres"}
                : new String[] {"test"};
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return active();
    }
}
