package com.emporium.sandbox.access;

import com.emporium.platform.web.ProblemWriter;
import com.emporium.sandbox.SandboxProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The sandbox's own security, in place of the platform's JWT resource server (left out by the application): every
 * {@code /v1/**} route but {@code POST /v1/tokens} needs the secret key as a bearer token; health and metrics are
 * open, as on every Emporium process. No sessions, no CSRF (no cookies are ever read).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain sandboxSecurityFilterChain(HttpSecurity http, SandboxProperties properties,
            ProblemWriter problems) {
        var entryPoint = new SecretKeyEntryPoint(problems);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                .addFilterBefore(new SecretKeyFilter(new SecretKey(properties.secretKey())),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) ->
                                entryPoint.commence(request, response,
                                        new InsufficientAuthenticationException(denied.getMessage()))))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, TokenCorsFilter.PATH).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, TokenCorsFilter.PATH).permitAll()
                        .requestMatchers("/v1/**").hasRole(SecretKeyFilter.MERCHANT_ROLE)
                        .anyRequest().permitAll());
        return http.build();
    }

    /** Before Spring Security (-100), so a preflight is answered before anything asks for a key. */
    @Bean
    FilterRegistrationBean<TokenCorsFilter> tokenCorsFilter(SandboxProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<TokenCorsFilter> registration = new FilterRegistrationBean<>(
                new TokenCorsFilter(properties.allowedOrigins(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
