package app.haven.archfixture.broken.adapter.out.persistence;

import app.haven.archfixture.broken.adapter.in.web.WebRequest;

/** Breaks "adapters depend inward only": an outbound adapter using an inbound one's type. */
public class RepositoryUsingWeb {

    String store(WebRequest request) {
        return request.id();
    }
}
