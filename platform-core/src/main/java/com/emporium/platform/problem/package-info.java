/** The stable problem types every Emporium answer uses, whatever its web stack. */
@NullMarked
package com.emporium.platform.problem;

import org.jspecify.annotations.NullMarked;
