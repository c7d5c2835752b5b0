package com.emporium.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** HTTP limits of a service. */
@Validated
@ConfigurationProperties("emporium.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
