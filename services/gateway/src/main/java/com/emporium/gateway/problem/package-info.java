/** The gateway's own answers as problem+json, like the services'. */
@NullMarked
package com.emporium.gateway.problem;

import org.jspecify.annotations.NullMarked;
