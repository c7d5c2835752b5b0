package com.emporium.user.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(min = 1, max = 128) String password) {
}
