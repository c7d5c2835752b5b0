package com.emporium.frontend;

import java.io.IOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The built app from the classpath's static/ folder. Files under /assets have content hashes in their names, so
 * they are cached for a year; everything else is revalidated. A path that names no file is a route of the app and
 * answers index.html, except under /assets and /health, where a missing file is a plain 404.
 */
@Configuration
class StaticFilesConfig implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(STATIC + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new AppRouteResolver());
    }

    /** Answers index.html for the app's own routes. */
    static final class AppRouteResolver extends PathResourceResolver {

        private final Resource index = new ClassPathResource("static/index.html");

        @Override
        protected @Nullable Resource getResource(String path, Resource location) throws IOException {
            var file = super.getResource(path, location);
            if (file != null) {
                return file;
            }
            return isAppRoute(path) && index.isReadable() ? index : null;
        }

        static boolean isAppRoute(String path) {
            return !path.startsWith("assets/")
                    && !path.startsWith("health/")
                    && !path.equals("health")
                    && !path.equals("config.json");
        }
    }
}
