package com.emporium.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /docs}: Swagger UI (the {@code swagger-ui} webjar) over every OpenAPI document in {@code contracts/},
 * which the build copies into the jar under {@code static/docs/contracts/}. {@code /docs/contracts.json} lists
 * them; the documents themselves are static resources.
 */
@Configuration(proxyBeanMethods = false)
class DocsRoutes {

    /** One document as Swagger UI's {@code urls} option wants it. */
    record Contract(String name, String url) {
    }

    @Bean
    RouterFunction<ServerResponse> docs() {
        Resource index = new ClassPathResource("static/docs/index.html");
        List<Contract> contracts = contracts();
        return RouterFunctions.route()
                .GET("/docs", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .GET("/docs/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .GET("/docs/contracts.json", request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(contracts))
                .build();
    }

    static List<Contract> contracts() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:static/docs/contracts/*.yaml");
            return Arrays.stream(found)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .filter(name -> !name.equals("events.yaml")) // AsyncAPI, not OpenAPI
                    .sorted(Comparator.naturalOrder())
                    .map(name -> new Contract(name.replace(".yaml", ""), "/docs/contracts/" + name))
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list the contracts", ex);
        }
    }
}
