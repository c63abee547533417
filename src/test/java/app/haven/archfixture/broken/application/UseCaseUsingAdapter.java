package app.haven.archfixture.broken.application;

import app.haven.archfixture.broken.adapter.out.persistence.SomeRepositoryAdapter;

/** Breaks "application never uses adapters": it names the implementation instead of the port. */
public class UseCaseUsingAdapter {

    private final SomeRepositoryAdapter repository = new SomeRepositoryAdapter();

    Object run(String id) {
        return repository.find(id);
    }
}
