/** A small fluent HTTP client for integration tests that hands every exchange to a contract recorder. */
@NullMarked
package com.emporium.test.http;

import org.jspecify.annotations.NullMarked;
