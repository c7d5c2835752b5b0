/** A TCP proxy a test owns, to cut a service off from a real dependency or hang it, and give it back. */
@NullMarked
package com.emporium.test.net;

import org.jspecify.annotations.NullMarked;
