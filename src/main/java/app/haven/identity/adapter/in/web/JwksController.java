package app.haven.identity.adapter.in.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/** The public half of Haven's token signing key, for anyone who verifies Haven's tokens. */
@RestController
class JwksController {

    private final Map<String, Object> publicKeys;

    JwksController(RSAKey tokenSigningKey) {
        this.publicKeys = new JWKSet(tokenSigningKey.toPublicJWK()).toJSONObject();
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return publicKeys;
    }
}
