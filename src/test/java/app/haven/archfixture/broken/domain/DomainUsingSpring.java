package app.haven.archfixture.broken.domain;

import org.springframework.util.StringUtils;

/** Breaks "domain is plain Java" with a framework type. */
public class DomainUsingSpring {

    boolean named(String name) {
        return StringUtils.hasText(name);
    }
}
