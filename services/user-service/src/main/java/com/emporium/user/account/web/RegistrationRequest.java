package com.emporium.user.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record RegistrationRequest(
        @NotBlank @Size(max = 254) @Email String email,
        @NotNull @Size(min = 12, max = 128) String password,
        @NotBlank @Size(max = 100) String displayName) {
}
