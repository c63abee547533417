package app.haven.portal.adapter.in.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.haven.patients.ClientProfiles;
import app.haven.portal.application.NotificationPreferences;
import app.haven.portal.application.PortalProfile;
import app.haven.portal.domain.Preferences;
import app.haven.shared.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** The client's profile and emergency contacts, and anyone's notification preferences. */
@RestController
@Validated
@RequestMapping("/api/v1/portal")
class ProfileController {

    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String PHONE = "[+0-9 ()./-]{3,40}";

    private final PortalProfile profiles;
    private final NotificationPreferences preferences;

    ProfileController(PortalProfile profiles, NotificationPreferences preferences) {
        this.profiles = profiles;
        this.preferences = preferences;
    }

    @GetMapping("/profile")
    Mono<PortalProfile.Profile> profile(Caller caller) {
        return profiles.of(caller);
    }

    @PutMapping("/profile")
    Mono<PortalProfile.Profile> changeProfile(Caller caller, @Valid @RequestBody ProfileRequest request) {
        return profiles.change(caller, request.firstName().strip(), request.lastName().strip(), request.phone(),
                request.dateOfBirth(), request.address() == null ? null : request.address().toAddress());
    }

    @GetMapping("/emergency-contacts")
    Mono<List<ClientProfiles.EmergencyContact>> emergencyContacts(Caller caller) {
        return profiles.emergencyContacts(caller);
    }

    @PutMapping("/emergency-contacts")
    Mono<List<ClientProfiles.EmergencyContact>> replaceEmergencyContacts(Caller caller,
            @RequestBody @Size(max = 5, message = "at most 5 emergency contacts") List<@Valid @NotNull ContactRequest> contacts) {
        return profiles.replaceEmergencyContacts(caller, contacts.stream().map(ContactRequest::toContact).toList());
    }

    @GetMapping("/notification-preferences")
    Mono<Preferences> notificationPreferences(Caller caller) {
        return preferences.of(caller);
    }

    @PutMapping("/notification-preferences")
    Mono<Preferences> changeNotificationPreferences(Caller caller, @Valid @RequestBody PreferencesRequest request) {
        return preferences.change(caller, new NotificationPreferences.Change(request.email(), request.sms(),
                request.push(), request.sessionReminders(), request.reminderHoursBefore(), request.messageDigest(),
                request.quietHours() == null ? null : request.quietHours().start(),
                request.quietHours() == null ? null : request.quietHours().end(), request.timeZone()));
    }

    record ProfileRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be one line") String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be one line") String lastName,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Past LocalDate dateOfBirth,
            @Valid AddressRequest address) {
    }

    record AddressRequest(@Size(max = 200) @Pattern(regexp = ONE_LINE) String line1,
            @Size(max = 200) @Pattern(regexp = ONE_LINE) String line2,
            @Size(max = 100) @Pattern(regexp = ONE_LINE) String city,
            @Size(max = 100) @Pattern(regexp = ONE_LINE) String region,
            @Size(max = 20) @Pattern(regexp = ONE_LINE) String postalCode,
            @Size(max = 100) @Pattern(regexp = ONE_LINE) String country) {

        ClientProfiles.Address toAddress() {
            return new ClientProfiles.Address(line1, line2, city, region, postalCode, country);
        }
    }

    record ContactRequest(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE) String name,
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE) String relationship,
            @NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Email @Size(max = 254) String email) {

        ClientProfiles.EmergencyContact toContact() {
            return new ClientProfiles.EmergencyContact(name.strip(), relationship.strip(), phone.strip(), email);
        }
    }

    record PreferencesRequest(boolean email, boolean sms, boolean push, boolean sessionReminders,
            @Min(1) @Max(168) int reminderHoursBefore, boolean messageDigest, @Valid QuietHours quietHours,
            @Size(max = 64) String timeZone) {
    }

    record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {
    }
}
