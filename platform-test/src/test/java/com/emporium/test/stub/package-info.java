/** A tiny real HTTP server, answering what each test tells it to, for the kit's own tests. */
@NullMarked
package com.emporium.test.stub;

import org.jspecify.annotations.NullMarked;
