/** Checks real HTTP exchanges against a service's OpenAPI contract and reports which documented responses were exercised. */
@NullMarked
package com.emporium.test.contract;

import org.jspecify.annotations.NullMarked;
