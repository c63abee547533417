package app.haven.portal.application;

import java.time.Instant;

import org.springframework.stereotype.Service;

import app.haven.portal.application.port.out.SmsGateway;
import reactor.core.publisher.Flux;

/** The texts Haven sent, for developers on the embedded mode who have no SMS provider. */
@Service
public class DevTexts {

    private static final int SHOWN = 50;

    private final SmsGateway sms;

    DevTexts(SmsGateway sms) {
        this.sms = sms;
    }

    public Flux<Text> latest() {
        return sms.latest(SHOWN).map(sent -> new Text(sent.to(), sent.body(), sent.sentAt()));
    }

    public record Text(String to, String body, Instant sentAt) {
    }
}
