/** The thin library every Emporium service stands on: configuration, errors, security, observability. */
@NullMarked
package com.emporium.platform;

import org.jspecify.annotations.NullMarked;
