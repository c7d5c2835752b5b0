/** The admin API of a service's dead letters: {@code /api/<area>/admin/dead-letters}. */
@NullMarked
package com.emporium.platform.events.deadletter.web;

import org.jspecify.annotations.NullMarked;
