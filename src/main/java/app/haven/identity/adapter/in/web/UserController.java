package app.haven.identity.adapter.in.web;

import java.util.UUID;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.haven.identity.application.PeopleDirectory;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@Validated
@RequestMapping("/api/v1/users")
class UserController {

    private final PeopleDirectory people;

    UserController(PeopleDirectory people) {
        this.people = people;
    }

    @GetMapping("/me")
    Mono<UserResponse> me(Caller caller) {
        return people.me(caller).map(UserResponse::of);
    }

    /** People the caller may message whose name or email contains {@code q}. */
    @GetMapping("/search")
    Mono<CursorPage<Person>> search(Caller caller, @RequestParam @NotBlank @Size(max = 100) String q) {
        return people.search(caller, q)
                .map(account -> new Person(account.id(), account.firstName(), account.lastName(), account.role()))
                .collectList()
                .map(CursorPage::last);
    }

    record Person(UUID id, String firstName, String lastName, Role role) {
    }
}
