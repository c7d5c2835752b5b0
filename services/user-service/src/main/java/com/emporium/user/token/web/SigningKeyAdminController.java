package com.emporium.user.token.web;

import com.emporium.user.token.SigningKeys;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rotation on demand, for an admin who suspects a key or rehearses the procedure. */
@RestController
class SigningKeyAdminController {

    private final SigningKeys keys;

    SigningKeyAdminController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/users/admin/signing-keys/rotate")
    SigningKeys.KeyInfo rotate() {
        return keys.rotate();
    }
}
