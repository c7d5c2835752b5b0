package com.emporium.user.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ProfileUpdate(@NotBlank @Size(max = 100) String displayName) {
}
