package com.emporium.frontend;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The page's runtime configuration, so one build runs against any platform. */
@RestController
class ConfigController {

    private final Map<String, String> config;

    ConfigController(FrontendProperties properties) {
        this.config = Map.of(
                "gatewayUrl", FrontendProperties.base(properties.gatewayUrl()),
                "sandboxUrl", FrontendProperties.base(properties.sandboxUrl()));
    }

    @GetMapping("/config.json")
    ResponseEntity<Map<String, String>> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }
}
