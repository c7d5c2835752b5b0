/** What every request meets at the edge: the client address, the body limit, the headers sent upstream. */
@NullMarked
package com.emporium.gateway.edge;

import org.jspecify.annotations.NullMarked;
