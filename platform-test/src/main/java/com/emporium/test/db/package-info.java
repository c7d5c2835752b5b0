/** A PostgreSQL database and its roles, created for one test suite and dropped after it. */
@NullMarked
package com.emporium.test.db;

import org.jspecify.annotations.NullMarked;
