package app.haven.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key Haven signs its access tokens with: from configuration when given, else kept in a
 * file readable only by its owner and generated on first start. Never a hard-coded fallback.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static RSAKey load(JwtProperties properties) {
        if (properties.jwk() != null && !properties.jwk().isBlank()) {
            return parse(properties.jwk(), "haven.security.jwt.jwk");
        }
        Path file = properties.keyFile();
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file), file.toString());
            }
            RSAKey generated = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated.toJSONString());
            restrictToOwner(file);
            log.info("Generated a new token signing key at {}", file.toAbsolutePath().normalize());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key at " + file, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private static RSAKey parse(String json, String source) {
        try {
            RSAKey key = RSAKey.parse(json);
            if (!key.isPrivate()) {
                throw new IllegalStateException("The signing key from " + source + " has no private part");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key from " + source + " is not an RSA JSON Web Key", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            log.debug("No POSIX permissions here; restricted {} as far as the platform allows", Set.of(file));
        }
    }
}
