package com.emporium.user.account.web;

import com.emporium.user.account.Role;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

record RolesUpdate(@NotEmpty Set<@NotNull Role> roles) {
}
